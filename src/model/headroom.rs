//! Headroom: GPUs that fit in the power the proposed optics free up.

/// All-in watts per GPU: server watts per GPU + its share of the network
/// (network W / GPUs), W.
pub fn all_in_w_per_gpu(server_w_per_gpu: f64, network_w: f64, gpus: f64) -> f64 {
    server_w_per_gpu + network_w / gpus.max(1.0)
}

/// Extra GPUs = trunc(facility W saved / (all-in W per GPU x PUE)): whole GPUs
/// that fit in the same facility power. Negative when the proposal uses more
/// power (GPUs that would have to go).
pub fn extra_gpus(facility_saved_w: f64, all_in_w_per_gpu: f64, pue: f64) -> f64 {
    let per_gpu_facility_w = all_in_w_per_gpu * pue;
    if per_gpu_facility_w > 0.0 { (facility_saved_w / per_gpu_facility_w).trunc() } else { 0.0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_worked_headroom() {
        // 1.0 MW IT saved at PUE 1.5 = 1.5 MW facility. All-in per GPU:
        // 1,788 W + 2,000,000 W / 10,000 GPUs = 1,988 W; x 1.5 = 2,982 W.
        // 1,500,000 / 2,982 = 503.02 -> 503 GPUs.
        let all_in = all_in_w_per_gpu(1788.0, 2_000_000.0, 10_000.0);
        assert_eq!(all_in, 1988.0);
        assert_eq!(extra_gpus(1_500_000.0, all_in, 1.5), 503.0);
        assert_eq!(extra_gpus(-1_500_000.0, all_in, 1.5), -503.0);
        assert_eq!(extra_gpus(1.0, 0.0, 1.5), 0.0);
    }
}
