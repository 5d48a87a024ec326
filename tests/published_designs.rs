//! Published designs reproduced through share links: the switch and cable
//! (hence transceiver) counts of reference architectures and analyst cluster
//! bills of materials, opened as a user would open them. Each case cites its
//! source; where the published figure and the model differ, the comment says
//! by how much and why.

use optics_calc::model::{Report, evaluate};
use optics_calc::share::decode;

/// The report of a share link, which must load without a notice.
fn open(link: &str) -> Report {
    let d = decode(link);
    assert!(d.notices.is_empty(), "{link}: {:?}", d.notices);
    let r = evaluate(&d.scenario);
    assert!(r.notices.is_empty(), "{link}: {:?}", r.notices);
    r
}

/// Switches of tiers 1-4 (leaf, spine, core, super-spine) as the readout shows them.
fn switches(r: &Report) -> [f64; 4] {
    ["switches_l1", "switches_l2", "switches_l3", "switches_l4"].map(|k| r.metric(k).unwrap())
}

/// Cables (links) per level: GPU-leaf, leaf-spine, spine-core.
fn cables(r: &Report) -> Vec<u64> {
    r.baseline.tiers().iter().map(|t| t.links).collect()
}

/// NVIDIA DGX SuperPOD with DGX B200, reference architecture, "DGX SuperPOD
/// Architecture", table of larger SuperPOD component counts
/// (docs.nvidia.com/dgx-superpod/reference-architecture-scalable-infrastructure-b200/latest/dgx-superpod-architecture.html):
/// 8 GPUs per node, one 400G NDR port per GPU, 64-port Quantum-2 QM9700
/// switches. Published (SUs: GPUs, leaf / spine / core, cables node-leaf /
/// leaf-spine / spine-core):
/// - 2 SU: 512 GPUs, 16 / 8 / -, 512 / 512 / -
/// - 4 SU: 1,024 GPUs, 32 / 16 / -, 1,024 / 1,024 / -
/// - 8 SU: 2,048 GPUs, 64 / 32 / -, 2,048 / 2,048 / -
/// - 16 SU: 4,096 GPUs, 128 / 128 / 64, 4,096 x 3
/// - 32 SU: 8,192 GPUs, 256 / 256 / 128, 8,192 x 3
/// - 64 SU: 16,384 GPUs, 512 / 512 / 256, 16,384 x 3
///
/// The model gives every figure exactly.
#[test]
fn dgx_superpod_b200() {
    for (gpus, want, links) in [
        (512.0, [16.0, 8.0, 0.0, 0.0], vec![512, 512]),
        (1024.0, [32.0, 16.0, 0.0, 0.0], vec![1024, 1024]),
        (2048.0, [64.0, 32.0, 0.0, 0.0], vec![2048, 2048]),
        (4096.0, [128.0, 128.0, 64.0, 0.0], vec![4096, 4096, 4096]),
        (8192.0, [256.0, 256.0, 128.0, 0.0], vec![8192, 8192, 8192]),
        (16384.0, [512.0, 512.0, 256.0, 0.0], vec![16384, 16384, 16384]),
    ] {
        let r = open(&format!("v=2&gpus={gpus}&gbps=400&radix=64&sw_ports=2"));
        assert_eq!(switches(&r), want, "{gpus} GPUs");
        assert_eq!(r.metric("switches"), Some(want.iter().sum()), "{gpus} GPUs");
        assert_eq!(cables(&r), links, "{gpus} GPUs");
    }
    // Transceivers of the 4-SU (1,024-GPU) fabric, which NVIDIA gives as
    // cables: every cable has a module at each end. NIC ends: 1,024 400G
    // single-port modules; switch ends: (1,024 + 2 x 1,024) ports on twin-port
    // 800G modules = 1,536; 2,560 in all, 2.5 per GPU, as FiberMall / NADDOD
    // count for H100 + ConnectX-7 + QM9700 ("1:1.5 800G + 1:1 400G").
    let r = open("v=2&gpus=1024&gbps=400&radix=64&sw_ports=2");
    assert_eq!(r.metric("nic_end_modules"), Some(1024.0));
    assert_eq!(r.metric("switch_end_modules"), Some(1536.0));
    assert_eq!(r.metric("optical_modules"), Some(2560.0));
}

/// NVIDIA DGX SuperPOD with DGX B300 and XDR InfiniBand, reference
/// architecture, Table 3 "Example Compute Fabric Components"
/// (docs.nvidia.com/dgx-superpod/reference-architecture/scalable-infrastructure-b300-xdr/latest/dgx-superpod-architecture.html):
/// 72 nodes of 8 GPUs per SU, one 800G XDR port per GPU (ConnectX-8),
/// Quantum-X800 Q3400 switches with 144 ports of 800G. Published (SUs:
/// GPUs, leaf / spine, cables node-leaf / leaf-spine):
/// - 1 SU: 576, 8 / 4, 576 / 576; 2 SU: 1,152, 16 / 8, 1,152 / 1,152
/// - 4 SU: 2,304, 32 / 18; 8 SU: 4,608, 64 / 36
/// - 18 SU: 1,296 nodes, "9,216" GPUs, 144 / 72, 10,368 / 10,368
///
/// The model gives 1, 2 and 18 SU exactly. For 18 SU it is given the
/// table's 1,296 nodes x 8 = 10,368 GPUs, which its own cable counts
/// confirm; its "9,216 GPUs" cell is inconsistent with both. At 4 and 8 SU
/// the model has fewer spines: 16 instead of 18 (-11%) and 32 instead of
/// 36 (-11%). It packs the 72 uplinks of each leaf into as few 144-port
/// spines as hold them; NVIDIA's spine counts give every leaf an equal whole
/// number of links to every spine (72 uplinks = 4 x 18 or 2 x 36), leaving
/// 16 spine ports of 144 free. Leaves and cables agree.
#[test]
fn dgx_superpod_b300_xdr() {
    for (gpus, leaf, spine) in [(576.0, 8.0, 4.0), (1152.0, 16.0, 8.0), (10368.0, 144.0, 72.0)] {
        let r = open(&format!("v=2&gpus={gpus}&radix=144"));
        assert_eq!(switches(&r), [leaf, spine, 0.0, 0.0], "{gpus} GPUs");
        assert_eq!(cables(&r), vec![gpus as u64; 2], "{gpus} GPUs");
    }
    for (gpus, leaf, published_spine, model_spine) in [(2304.0, 32.0, 18.0, 16.0), (4608.0, 64.0, 36.0, 32.0)] {
        let r = open(&format!("v=2&gpus={gpus}&radix=144"));
        assert_eq!(switches(&r), [leaf, model_spine, 0.0, 0.0], "{gpus} GPUs");
        assert!((published_spine - model_spine) / published_spine < 0.12, "{gpus} GPUs: within 12% of NVIDIA's spines");
    }
}

/// Analyst bill of materials: "H100 Freakonomics: the economical tiers of
/// H100's", Eugene Cheah (substack.tech-talk-cto.com, Aug 2024), and its
/// spreadsheet of node count, H100 count and total InfiniBand switches
/// (64-port 400G, one 400G port per GPU). Published: 1,024 GPUs 48 switches;
/// 2,048: 96; 4,096: 192; 32,768: 2,560; 65,536: 5,120; 104,858 (the
/// "100k" row): 8,192; 131,072: 10,240.
///
/// - 1,024, 2,048, 32,768 and 65,536 GPUs: the model gives the same counts
///   (2-tier, then 3-tier fat trees).
/// - 4,096 GPUs, 192 switches: the sheet keeps 2 tiers up to 2,048 nodes by
///   building each of a node's 8 rails as its own fabric, i.e. 8 planes of
///   512 ports. Counted per node (512 "GPUs" of 8 ports on 8 planes) the
///   model gives 8 x (16 + 8) = 192 exactly; as one fabric of 4,096 ports it
///   needs 3 tiers and 320 switches.
/// - 104,858 GPUs ("100k"), 8,192 switches: the sheet scales the 65,536-GPU
///   fabric linearly (5,120 x 1.6). One non-blocking fabric of 104,858 ports
///   at radix 64 needs a 4th tier: the model gives 11,470 switches, 40% more.
/// - 131,072 GPUs, 10,240 switches: two 65,536-port fabrics side by side,
///   i.e. two planes. The model gives 10,240 for 2 planes of 65,536 ports
///   (65,536 GPUs with two 400G ports, one per plane); as one fabric of
///   131,072 ports it needs 4 tiers and 14,336 switches.
#[test]
fn analyst_h100_cluster_switch_counts() {
    for (gpus, total) in [(1024.0, 48.0), (2048.0, 96.0), (32_768.0, 2560.0), (65_536.0, 5120.0)] {
        let r = open(&format!("v=2&gpus={gpus}&gbps=400&radix=64"));
        assert_eq!(r.metric("switches"), Some(total), "{gpus} GPUs");
    }
    // 4,096 GPUs as 512 nodes of 8 rails, each rail its own plane.
    let r = open("v=2&gpus=512&ports=8&planes=8&gbps=400&radix=64");
    assert_eq!(r.metric("switches"), Some(192.0));
    assert_eq!(switches(&r), [128.0, 64.0, 0.0, 0.0]);
    assert_eq!(open("v=2&gpus=4096&gbps=400&radix=64").metric("switches"), Some(320.0));
    // "100k": one fabric needs 4 tiers.
    let r = open("v=2&gpus=104858&gbps=400&radix=64");
    assert_eq!(r.tiers, 4);
    // 11,470 against the sheet's 8,192: +40% (see above).
    assert_eq!(r.metric("switches"), Some(11_470.0));
    // Two planes of 65,536 ports each: 3 tiers per plane.
    let r = open("v=2&gpus=65536&ports=2&planes=2&gbps=400&radix=64");
    assert_eq!((r.tiers, r.metric("switches")), (3, Some(10_240.0)));
    assert_eq!(open("v=2&gpus=131072&gbps=400&radix=64").metric("switches"), Some(14_336.0));
}
