//! Topology: switch and link counts of a folded-Clos (fat-tree) fabric.
//!
//! Tiers are counted in switches: tier 1 = leaf. Link level 1 joins GPUs to
//! leaves, level t (t >= 2) joins tier t-1 to tier t. Counts depend only on
//! the topology, not on the module technology (see `optics` for modules).

/// Deepest fabric modelled. Larger fabrics are computed as 4 tiers with a
/// notice (the top tier then stands for several planes or bigger switches).
pub const MAX_TIERS: usize = 4;

/// Leaf ports facing down (to GPUs) and up, for radix `k` and
/// oversubscription `o` (down:up): down = floor(k * o / (1 + o)), up = k - down.
pub fn leaf_split(radix: f64, oversub: f64) -> (f64, f64) {
    let k = radix.max(2.0);
    let down = (k * oversub / (1.0 + oversub)).floor().clamp(1.0, k - 1.0);
    (down, k - down)
}

/// Endpoint ports a T-tier folded Clos of radix k can attach:
/// cap(1) = k; cap(T) = down * k * (k/2)^(T-2) for T >= 2
/// (non-blocking: k^2/2, k^3/4, k^4/8).
pub fn capacity(tiers: usize, radix: f64, oversub: f64) -> f64 {
    if tiers <= 1 {
        return radix;
    }
    let (down, _) = leaf_split(radix, oversub);
    down * radix * (radix / 2.0).powi(tiers as i32 - 2)
}

/// Smallest tier count whose capacity holds `endpoints`, or None beyond [`MAX_TIERS`].
pub fn tiers_needed(endpoints: f64, radix: f64, oversub: f64) -> Option<usize> {
    (1..=MAX_TIERS).find(|&t| capacity(t, radix, oversub) >= endpoints)
}

/// Switches of one tier and the links below it.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct Level {
    /// Switches in this tier.
    pub switches: u64,
    /// Links between this tier and the one below (level 1: GPU ports).
    pub links: u64,
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
}

impl Fabric {
    /// Counts for `endpoints` GPU ports at radix `k`, oversubscription `o`,
    /// with `tiers` tiers (callers pick it with [`tiers_needed`]):
    /// - links(1) = endpoints; leaves = ceil(endpoints / down);
    /// - links(2) = leaves * up; links(t > 2) = links(2) (non-blocking above the leaf);
    /// - middle tier t: switches = ceil((links(t) + links(t+1)) / k);
    /// - top tier: switches = ceil(links(top) / k) (all its ports face down).
    pub fn build(endpoints: u64, radix: f64, oversub: f64, tiers: usize) -> Fabric {
        let tiers = tiers.clamp(1, MAX_TIERS);
        let k = radix.max(2.0);
        let e = endpoints as f64;
        let mut levels = [Level::default(); MAX_TIERS];
        if tiers == 1 {
            levels[0] = Level { switches: (e / k).ceil() as u64, links: endpoints };
        } else {
            let (down, up) = leaf_split(k, oversub);
            let leaves = (e / down).ceil();
            let uplinks = leaves * up;
            levels[0] = Level { switches: leaves as u64, links: endpoints };
            for (t, level) in levels.iter_mut().enumerate().take(tiers).skip(1) {
                let above = if t + 1 < tiers { uplinks } else { 0.0 };
                level.links = uplinks as u64;
                level.switches = ((uplinks + above) / k).ceil() as u64;
            }
        }
        Fabric { tiers, endpoints, levels, fits: capacity(MAX_TIERS, k, oversub) >= e }
    }

    /// `planes` identical copies of this fabric, counted together (the
    /// endpoints, switches and links of every plane summed).
    pub fn times(&self, planes: u64) -> Fabric {
        let mut f = *self;
        f.endpoints *= planes;
        for l in &mut f.levels {
            l.switches *= planes;
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

    #[test]
    fn non_blocking_capacities() {
        // k = 64: k = 64, k^2/2 = 2,048, k^3/4 = 65,536, k^4/8 = 2,097,152.
        assert_eq!(capacity(1, 64.0, 1.0), 64.0);
        assert_eq!(capacity(2, 64.0, 1.0), 2048.0);
        assert_eq!(capacity(3, 64.0, 1.0), 65_536.0);
        assert_eq!(capacity(4, 64.0, 1.0), 2_097_152.0);
        assert_eq!(tiers_needed(2048.0, 64.0, 1.0), Some(2));
        assert_eq!(tiers_needed(2049.0, 64.0, 1.0), Some(3));
        assert_eq!(tiers_needed(3e6, 64.0, 1.0), None);
    }

    #[test]
    fn classic_three_tier_fat_tree() {
        // k = 64 fat tree at full size: 2,048 edge, 2,048 aggregation, 1,024 core
        // switches; 65,536 links on each of the three levels.
        let f = Fabric::build(65_536, 64.0, 1.0, 3);
        assert_eq!(f.levels[0], Level { switches: 2048, links: 65_536 });
        assert_eq!(f.levels[1], Level { switches: 2048, links: 65_536 });
        assert_eq!(f.levels[2], Level { switches: 1024, links: 65_536 });
        assert_eq!(f.switches(), 5120);
    }

    #[test]
    fn oversubscribed_leaf() {
        // k = 64, 3:1 -> 48 down, 16 up. 4,800 GPUs -> 100 leaves, 1,600 uplinks,
        // ceil(1,600 / 64) = 25 spines.
        assert_eq!(leaf_split(64.0, 3.0), (48.0, 16.0));
        let f = Fabric::build(4800, 64.0, 3.0, 2);
        assert_eq!(f.levels[0], Level { switches: 100, links: 4800 });
        assert_eq!(f.levels[1], Level { switches: 25, links: 1600 });
    }

    #[test]
    fn planes_multiply_counts_not_tiers() {
        // 4,096 ports on one plane need 3 tiers at k = 64; on 2 planes each
        // plane has 2,048 ports and fits 2 tiers: 64 leaves + 32 spines per plane.
        assert_eq!(tiers_needed(4096.0, 64.0, 1.0), Some(3));
        let f = Fabric::build(2048, 64.0, 1.0, 2).times(2);
        assert_eq!((f.tiers, f.endpoints), (2, 4096));
        assert_eq!(f.levels[0], Level { switches: 128, links: 4096 });
        assert_eq!(f.levels[1], Level { switches: 64, links: 4096 });
    }

    #[test]
    fn single_switch() {
        let f = Fabric::build(1, 64.0, 1.0, 1);
        assert_eq!(f.levels[0], Level { switches: 1, links: 1 });
        assert_eq!(f.tiers, 1);
    }
}
