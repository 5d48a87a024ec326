//! End-to-end flows in a real browser against the built `dist/`.
//! Run with `make test-e2e` (builds dist/ first).

mod calculator;
mod links;
