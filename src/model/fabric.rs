//! Topology: switch and link counts of a folded-Clos (fat-tree) fabric.
//!
//! Tiers are counted in switches: tier 1 = leaf. Link level 1 joins GPUs to
//! leaves, level t (t >= 2) joins tier t-1 to tier t. Counts depend only on
//! the topology, not on the module technology (see `optics` for modules).

/// Deepest fabric modelled. Larger fabrics are computed as 4 tiers with a
/// notice (the top tier then stands for several planes or bigger switches).
pub const MAX_TIERS: usize = 4;

/// How a fabric is built, apart from its size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Shape {
    /// Switch ports at the port speed, k.
    pub radix: f64,
    /// Leaf oversubscription o (down:up).
    pub oversub: f64,
    /// Oversubscription at the top of the fabric (down:up of the tier just
    /// below the top tier: the spine of 3 tiers); 1 = non-blocking. A 2-tier
    /// fabric has only the leaf's.
    pub oversub_top: f64,
    /// Switch counts that give every switch below an equal number of links
    /// to each switch above ([`even_count`]); false = the fluid minimum.
    pub even: bool,
}

impl Shape {
    fn k(&self) -> f64 {
        self.radix.max(2.0)
    }
}

/// Ports facing down and up of a switch of radix `k` at oversubscription `o`
/// (down:up): down = floor(k * o / (1 + o)), at least 1 and at most k - 1,
/// up = k - down. The leaf splits by `oversub`, the tier below the top by
/// `oversub_top`, every other middle tier k/2 : k/2.
pub fn split_ports(radix: f64, oversub: f64) -> (f64, f64) {
    let k = radix.max(2.0);
    let down = (k * oversub / (1.0 + oversub)).floor().clamp(1.0, k - 1.0);
    (down, k - down)
}

/// Endpoint ports a T-tier folded Clos can attach, with d1 the leaf's down
/// ports and dt the down ports of the tier below the top (split by the top
/// oversubscription): cap(1) = k; cap(2) = d1 * k;
/// cap(T >= 3) = k * pod, pod = d1 * (k/2)^(T-3) * dt (non-blocking: k^2/2,
/// k^3/4, k^4/8). Every top switch reaches each pod once, so k pods fit.
pub fn capacity(tiers: usize, shape: &Shape) -> f64 {
    let k = shape.k();
    match tiers {
        0 | 1 => k,
        2 => split_ports(k, shape.oversub).0 * k,
        t => k * pod_capacity(t, shape),
    }
}

/// Endpoint ports of one pod, the block under the top tier whose ports reach
/// each other without crossing it: d1 * (k/2)^(T-3) * dt for T >= 3. A
/// fabric of 1 or 2 tiers is one pod (full bisection up to its leaves'
/// oversubscription).
pub fn pod_capacity(tiers: usize, shape: &Shape) -> f64 {
    if tiers < 3 {
        return capacity(tiers, shape);
    }
    let k = shape.k();
    let d1 = split_ports(k, shape.oversub).0;
    let dt = split_ports(k, shape.oversub_top).0;
    d1 * (k / 2.0).powi(tiers as i32 - 3) * dt
}

/// Smallest tier count whose capacity holds `endpoints`, or None beyond [`MAX_TIERS`].
pub fn tiers_needed(endpoints: f64, shape: &Shape) -> Option<usize> {
    (1..=MAX_TIERS).find(|&t| capacity(t, shape) >= endpoints)
}

/// Switches of a tier above the leaf such that every switch below has an
/// equal number of links to each switch above that it reaches, given the
/// fluid minimum `fluid` and `up`, the uplinks of one switch below:
/// - when the tier needs no more switches than `up`, every switch below
///   reaches all of them: the smallest divisor of `up` that is at least
///   `fluid`, up / count links each (72 uplinks over 18 spines is 4 each;
///   over the fluid 16 they do not divide);
/// - when it needs more, each switch below reaches `up` of them with one
///   link each, which the fluid minimum already does.
///
/// None when the switches below do not all have the same whole number of
/// uplinks (`whole` is false) and would need several links to each switch
/// above (the divisor is below `up`): no count is even then.
pub fn even_count(fluid: u64, up: u64, whole: bool) -> Option<u64> {
    let (fluid, up) = (fluid.max(1), up.max(1));
    if fluid >= up {
        return Some(fluid);
    }
    let d = (fluid..=up).find(|d| up.is_multiple_of(*d)).unwrap_or(up);
    (whole || d == up).then_some(d)
}

/// Switches of one tier and the links below it.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct Level {
    /// Switches in this tier.
    pub switches: u64,
    /// Links between this tier and the one below (level 1: GPU ports).
    pub links: u64,
    /// The fluid minimum of this tier: ceil(ports its links use / k).
    pub fluid_switches: u64,
    /// Links from one switch below to each switch above that it reaches
    /// (0 on the GPU level): whole under even cabling, an average otherwise.
    pub pair_links: f64,
}

/// Switch and link counts of one fabric.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Fabric {
    pub tiers: usize,
    pub endpoints: u64,
    /// `levels[0..tiers]` are used.
    pub levels: [Level; MAX_TIERS],
    /// False when even [`MAX_TIERS`] tiers are too small at this radix.
    pub fits: bool,
    /// Pods: blocks under the top tier ([`pod_capacity`]); 1 for a fabric
    /// of 1 or 2 tiers.
    pub pods: u64,
    /// Tiers that asked for even cabling but got the fluid minimum, because
    /// no count of them is even ([`even_count`] is None).
    pub uneven: [bool; MAX_TIERS],
}

impl Fabric {
    /// Counts for `endpoints` GPU ports with `tiers` tiers (callers pick it
    /// with [`tiers_needed`]), at radix k:
    /// - links(1) = endpoints; leaves = ceil(endpoints / d1);
    /// - links(2) = leaves x (k - d1), and the same at every higher level
    ///   except the top one of 3 or more tiers: links(T) = ceil(links(T-1) / o_top);
    /// - fluid minimum of a middle tier t: ceil((links(t) + links(t+1)) / k);
    ///   of the top tier: ceil(links(T) / k) (all its ports face down);
    /// - with even cabling each tier above the leaf has [`even_count`] switches,
    ///   from its fluid minimum and the uplinks of one switch below,
    ///   ceil(links(t) / switches(t-1)); otherwise the fluid minimum.
    pub fn build(endpoints: u64, shape: &Shape, tiers: usize) -> Fabric {
        let tiers = tiers.clamp(1, MAX_TIERS);
        let k = shape.k();
        let e = endpoints as f64;
        let mut levels = [Level::default(); MAX_TIERS];
        let mut uneven = [false; MAX_TIERS];
        if tiers == 1 {
            let switches = (e / k).ceil() as u64;
            levels[0] = Level { switches, links: endpoints, fluid_switches: switches, pair_links: 0.0 };
        } else {
            let (down, up) = split_ports(k, shape.oversub);
            let leaves = (e / down).ceil() as u64;
            let uplinks = leaves * up as u64;
            levels[0] = Level { switches: leaves, links: endpoints, fluid_switches: leaves, pair_links: 0.0 };
            for (t, level) in levels.iter_mut().enumerate().take(tiers).skip(1) {
                let top = t + 1 == tiers && tiers >= 3;
                level.links = if top { (uplinks as f64 / shape.oversub_top).ceil() as u64 } else { uplinks };
            }
            let mut below = leaves.max(1);
            for t in 1..tiers {
                let links = levels[t].links;
                let above = if t + 1 < tiers { levels[t + 1].links } else { 0 };
                let fluid = ((links + above) as f64 / k).ceil() as u64;
                let up = links.div_ceil(below);
                let even = even_count(fluid, up, links.is_multiple_of(below));
                let switches = if shape.even { even.unwrap_or(fluid) } else { fluid }.max(1);
                uneven[t] = shape.even && even.is_none();
                let pair_links = links as f64 / below as f64 / switches.min(up).max(1) as f64;
                levels[t] = Level { switches, links, fluid_switches: fluid, pair_links };
                below = switches;
            }
        }
        let pods = if tiers >= 3 { (e / pod_capacity(tiers, shape)).ceil() as u64 } else { 1 };
        Fabric { tiers, endpoints, levels, fits: capacity(MAX_TIERS, shape) >= e, pods, uneven }
    }

    /// `planes` identical copies of this fabric, counted together (the
    /// endpoints, switches, links and pods of every plane summed).
    pub fn times(&self, planes: u64) -> Fabric {
        let mut f = *self;
        f.endpoints *= planes;
        f.pods *= planes;
        for l in &mut f.levels {
            l.switches *= planes;
            l.fluid_switches *= planes;
            l.links *= planes;
        }
        f
    }

    pub fn switches(&self) -> u64 {
        self.levels.iter().map(|l| l.switches).sum()
    }

    pub fn links(&self) -> u64 {
        self.levels.iter().map(|l| l.links).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NB64: Shape = Shape { radix: 64.0, oversub: 1.0, oversub_top: 1.0, even: true };

    fn counts(f: &Fabric, t: usize) -> (u64, u64) {
        (f.levels[t].switches, f.levels[t].links)
    }

    #[test]
    fn non_blocking_capacities() {
        // k = 64: k = 64, k^2/2 = 2,048, k^3/4 = 65,536, k^4/8 = 2,097,152.
        assert_eq!(capacity(1, &NB64), 64.0);
        assert_eq!(capacity(2, &NB64), 2048.0);
        assert_eq!(capacity(3, &NB64), 65_536.0);
        assert_eq!(capacity(4, &NB64), 2_097_152.0);
        assert_eq!(tiers_needed(2048.0, &NB64), Some(2));
        assert_eq!(tiers_needed(2049.0, &NB64), Some(3));
        assert_eq!(tiers_needed(3e6, &NB64), None);
        // Pods of a 3-tier fat tree: k/2 leaves of k/2 GPUs, 1,024 at k = 64.
        assert_eq!(pod_capacity(3, &NB64), 1024.0);
    }

    #[test]
    fn classic_three_tier_fat_tree() {
        // k = 64 fat tree at full size: 2,048 edge, 2,048 aggregation, 1,024 core
        // switches; 65,536 links on each of the three levels; 64 pods.
        let f = Fabric::build(65_536, &NB64, 3);
        assert_eq!(counts(&f, 0), (2048, 65_536));
        assert_eq!(counts(&f, 1), (2048, 65_536));
        assert_eq!(counts(&f, 2), (1024, 65_536));
        assert_eq!(f.switches(), 5120);
        assert_eq!(f.pods, 64);
        assert_eq!((f.levels[1].pair_links, f.levels[2].pair_links), (1.0, 1.0));
    }

    #[test]
    fn oversubscribed_leaf() {
        // k = 64, 3:1 -> 48 down, 16 up. 1,536 GPUs -> 32 leaves, 512 uplinks,
        // ceil(512 / 64) = 8 spines, a divisor of 16: 2 links per leaf-spine pair.
        assert_eq!(split_ports(64.0, 3.0), (48.0, 16.0));
        let f = Fabric::build(1536, &Shape { oversub: 3.0, ..NB64 }, 2);
        assert_eq!(counts(&f, 0), (32, 1536));
        assert_eq!(counts(&f, 1), (8, 512));
        assert_eq!(f.levels[1].pair_links, 2.0);
    }

    #[test]
    fn even_spines_divide_the_leaf_uplinks() {
        // k = 144, 2,304 ports: 32 leaves of 72 down and 72 up. The fluid
        // minimum is 2,304 / 144 = 16 spines (4.5 links per pair); 18 divides
        // 72: 4 links from every leaf to every spine.
        let shape = Shape { radix: 144.0, ..NB64 };
        let f = Fabric::build(2304, &shape, 2);
        assert_eq!(f.levels[1], Level { switches: 18, links: 2304, fluid_switches: 16, pair_links: 4.0 });
        let f = Fabric::build(2304, &Shape { even: false, ..shape }, 2);
        assert_eq!(f.levels[1], Level { switches: 16, links: 2304, fluid_switches: 16, pair_links: 4.5 });
    }

    #[test]
    fn even_count_cases() {
        assert_eq!(even_count(16, 72, true), Some(18));
        assert_eq!(even_count(4, 72, true), Some(4));
        assert_eq!(even_count(37, 72, true), Some(72));
        // More switches than uplinks: one link to each switch reached.
        assert_eq!(even_count(73, 72, true), Some(73));
        assert_eq!(even_count(3277, 32, false), Some(3277));
        // Uplinks of 13 or 14 cannot be spread evenly over 7 switches.
        assert_eq!(even_count(3, 14, false), None);
        assert_eq!(even_count(3, 14, true), Some(7));
    }

    #[test]
    fn top_oversubscription_thins_the_top_level() {
        // k = 64, 7:1 above the spines: spines 56 down, 8 up; pods of
        // 32 x 56 = 1,792 GPUs, 64 of them fit (114,688).
        let shape = Shape { oversub_top: 7.0, ..NB64 };
        assert_eq!(capacity(3, &shape), 114_688.0);
        let f = Fabric::build(32_768, &shape, 3);
        // 1,024 leaves, 32,768 leaf-spine links, ceil(32,768 / 7) = 4,682 above;
        // 19 pods, ceil(32,768 / 1,792).
        assert_eq!(counts(&f, 0), (1024, 32_768));
        assert_eq!(f.levels[2].links, 4682);
        assert_eq!(f.pods, 19);
        // Spines: ceil((32,768 + 4,682) / 64) = 586; top: ceil(4,682 / 64) = 74,
        // each more than a switch below has uplinks (32; 8): one link per pair.
        assert_eq!((f.levels[1].switches, f.levels[2].switches), (586, 74));
        assert_eq!((f.levels[1].fluid_switches, f.levels[2].fluid_switches), (586, 74));
        // Against 3 non-blocking tiers: 1,024 + 512 = 1,536 switches above the leaf.
        let full = Fabric::build(32_768, &NB64, 3);
        assert_eq!(full.switches() - full.levels[0].switches, 1536);
        assert_eq!(f.switches() - f.levels[0].switches, 660);
    }

    #[test]
    fn planes_multiply_counts_not_tiers() {
        // 4,096 ports on one plane need 3 tiers at k = 64; on 2 planes each
        // plane has 2,048 ports and fits 2 tiers: 64 leaves + 32 spines per plane.
        assert_eq!(tiers_needed(4096.0, &NB64), Some(3));
        let f = Fabric::build(2048, &NB64, 2).times(2);
        assert_eq!((f.tiers, f.endpoints, f.pods), (2, 4096, 2));
        assert_eq!(counts(&f, 0), (128, 4096));
        assert_eq!(counts(&f, 1), (64, 4096));
    }

    #[test]
    fn single_switch() {
        let f = Fabric::build(1, &NB64, 1);
        assert_eq!(counts(&f, 0), (1, 1));
        assert_eq!(f.tiers, 1);
    }
}
