//! Benchmarks only: see evaluate.rs.
