//! Methodology in plain words: every formula with its units, and under which
//! inputs each of the seed article's claims holds or stops holding. The README
//! renders this together with the help and source of every row of `INPUTS`;
//! the UI's methodology panel reads it from the texts file (`crate::texts`).

/// One formula or claim, in words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Formula {
    pub name: &'static str,
    pub text: &'static str,
}

pub static FORMULAS: &[Formula] = &[
    // ---- Fabric ----
    Formula {
        name: "Fabric size",
        text: "GPU ports = GPUs x ports per GPU, spread evenly over 1, 2, 4 or 8 identical, independent planes (which must divide the ports per GPU). Tiers are worked out for one plane. A switch of radix k at oversubscription o (down:up) has down = floor(k x o / (1 + o)) ports facing down and up = k - down facing up (an o above k - 1 is set to k - 1, with a notice, so that one port stays up). The leaf splits by the leaf oversubscription (d1 down), the tier just below the top of 3 or more tiers by the oversubscription above the spines (dt down), every other middle tier k/2 : k/2. Capacity: 1 tier k; 2 tiers d1 x k; T >= 3 tiers k pods of d1 x (k/2)^(T-3) x dt ports (a pod is the block under the top tier; every top switch reaches each pod once). Non-blocking that is k, k^2/2, k^3/4, k^4/8. Auto picks the smallest T that fits; forced tiers that are too few are raised with a notice; beyond 4 tiers the figures are those of a 4-tier fabric with a larger top tier, and a notice says so. Pods = ceil(ports per plane / pod ports) per plane; a 2-tier plane is one pod.",
    },
    Formula {
        name: "Switches and links",
        text: "Links at level 1 (GPU to leaf) = GPU ports. Leaves = ceil(GPU ports / d1). Links at level 2 = leaves x (k - d1), and the same at every higher level (non-blocking above the leaf) except the top level of 3 or more tiers: links(T) = ceil(links(T-1) / o_top), o_top the oversubscription above the spines (Meta's Llama 3 cluster: 1:7 above pods of 3,072 GPUs; Alibaba HPN: 15:1 to the core). The fluid minimum of a middle tier is ceil((links below + links above) / k); of the top tier ceil(links below / k), since all its ports face down. Counts are per plane, times the planes: 2 planes of 2,048 ports at k = 64 are 2 x (64 + 32) switches; one fabric of 4,096 ports needs 3 tiers and 320.",
    },
    Formula {
        name: "Even cabling",
        text: "With cabling 'even' (the default) each tier above the leaf has the fewest switches, at least its fluid minimum, that give every switch below an equal whole number of links to each switch above that it reaches. With u = ceil(links / switches below), the uplinks of one switch below: where the tier needs at most u switches, every switch below reaches all of them: the smallest divisor of u that is at least the fluid minimum, u / count links each (72 leaf uplinks over 18 spines: 4 each; over the fluid 16 they do not divide); where it needs more (the spines of a 3-tier fat tree), each switch below reaches u of them with one link each, which the fluid minimum already does. The links do not change, and a partly filled pod is not rounded up to whole pods. Where the switches below have unequal uplinks and would need several links to each switch above, no count is even: the fluid minimum is used, with a notice. Why the default: fabrics are cabled this way, so that ECMP spreads traffic evenly over equal paths, and published designs count so: NVIDIA's DGX SuperPOD B300 XDR (144-port switches) has 18 spines for 2,304 GPUs and 36 for 4,608, where the fluid minimum is 16 and 32 (11% fewer). 'fluid' keeps the lower bound ceil(links / k) that links of formats 1 and 2 show. An even count more than 10% above the fluid minimum is pointed out in a notice.",
    },
    Formula {
        name: "Optical modules",
        text: "Every optical link has two ends. On the GPU level one end is the GPU's NIC port (a single-port module at the port speed) and one a switch port; higher levels have two switch ports. A breakout module carries p ports at p x port speed (catalog figures at that speed). Switch-end modules = ceil(switch ends / p), p = 1, 2 (twin-port OSFP, 2 x 400G on Quantum-2) or 4; NIC-end modules = ceil(NIC ends / p), p = 1 or 2. A breakout above 3.2T (4 x 1.6T) is cut to the most ports that fit. Modules = NIC-end + switch-end. Copper levels (DAC, AEC) have cable ends and no optical modules. Modules per GPU = modules / GPUs. Check: 400G ports, radix 64, 2 switch ports per module, 2 tiers = 1 x 400G + 1.5 x 800G = 2.5 modules per GPU; 3 tiers = 3.5 (FiberMall / NADDOD).",
    },
    Formula {
        name: "Co-packaged optics",
        text: "CPO replaces the modules on switch ends with optical engines in the switch package, counted as one 'module' per port at the CPO watts per port (6 pJ/bit by default). The NIC end of each GPU link stays a DSP pluggable from the catalog (CPO at the NIC end is not possible; a notice says so). Breakout does not apply to CPO ports. Switch prices and the larger blast radius of a CPO engine failure are not modelled separately: at the default every failure already stops the whole job.",
    },
    Formula {
        name: "Technology per level",
        text: "Each side may use another technology on level 1 (base1 / alt1), level 2 and every level above (3); 'same' is the side's own, which its overrides refine; other levels use the catalog. Reach is checked per level, on both sides and both link ends, against the technology used there. Reach: DSP 500 m (NVIDIA MMS4X00-NM 2xDR4; IEEE 400GBASE-DR4), LPO 500 m (LPO MSA 100G-DR-LPO, 2025), others and 200G lanes the same DR class (estimate), DAC 2-3 m (NVIDIA), AEC 7 m (estimate).",
    },
    // ---- Power ----
    Formula {
        name: "Module power",
        text: "Optics power (W) = sum over module kinds of count x (module W + extra host SerDes W). Extra host SerDes W per module = linear share (LPO 1, LRO 0.5, others 0) x the host SerDes input x ports per module. An override of module watts replaces the catalog's module at the port speed; a breakout module scales its catalog watts at its own speed by override / catalog, so savings stay linear in the override.",
    },
    Formula {
        name: "Switch and network power",
        text: "Switch W = switches x (switch W per 51.2 Tb/s x radix x Gb/s / 51,200). Switch W is the system without optics: ASIC (450-500 W at 51.2T: TechInsights, ChipCraft), CPU, fans and power-supply losses; its cages' modules count as optics. 800 W is in the 700-900 W chassis range (Pingdo); the 1.5-2.2 kW often quoted is with 64 modules fitted (~1.1 kW). Network W = optics W + switch W + copper cable-end W. Optics share of network power (%) = optics W / network W x 100.",
    },
    Formula {
        name: "Facility power, energy, cost and CO2",
        text: "Facility W = network W x PUE. Energy (kWh/yr) = facility W x 8,760 h / 1,000 (the fabric runs all year). Electricity cost (USD/yr) = kWh x USD/kWh. CO2 (t/yr) = kWh x kg CO2e/kWh / 1,000. Savings are baseline minus proposed.",
    },
    Formula {
        name: "Headroom",
        text: "All-in W per GPU = server W per GPU + proposed network W / GPUs. Extra GPUs = whole part of (facility W saved / (all-in W per GPU x PUE)): GPUs, with their share of servers and network, that fit in the freed facility power.",
    },
    // ---- Latency ----
    Formula {
        name: "Path latency",
        text: "A GPU-to-GPU path across the top of T tiers crosses 2T - 1 switches and 2T links, and 4T module ends when every level is optical. Path ns = switches x switch ns + sum of module ns on the path + links x FEC ns + metres x 4.9 ns/m (fibre; 4.5 ns/m copper). Removing the DSP removes only its retiming latency: the host's FEC decode stays on every technology, LPO and CPO included. So the saving per path = modules on the path x (baseline module ns - proposed module ns).",
    },
    Formula {
        name: "Collectives and training steps",
        text: "Latency-bound steps per all-reduce over N ranks: ring 2(N - 1), tree 2 x ceil(log2 N); each step is taken to cross the full path (an upper bound). Saved per collective (us) = steps x path saving / 1,000. Cumulative saved per step = collectives per step x saved per collective. Step time saved = cumulative x exposed share (the rest overlaps with compute). Share of step = step time saved / step time (capped at 100%). GPU-hours recovered per year = share x GPUs x 8,760 h; their value = GPU-hours x USD per GPU-hour.",
    },
    // ---- Reliability ----
    Formula {
        name: "Failures",
        text: "Failures per year = sum over module kinds of count x AFR. Pluggable AFR = input AFR x exp(Ea / k_B x (1 / T_ref - 1 / T)), with T = T_ref + K/W x (module W - W_ref) in kelvin and W_ref the catalog DSP module's watts at the same speed (the module the AFR describes); Ea = 0 turns the temperature effect off. CPO ports use their own AFR; copper ends are not counted. A module AFR set per side (a datasheet figure, or a host's product) replaces the computed rate for that side's technology; a CPO side's NIC-end pluggables keep theirs.",
    },
    Formula {
        name: "Cost of failures",
        text: "Cost per failure (USD) = replacement module price + swap labour + job interruption, where job interruption = GPUs x share of GPUs interrupted x lost minutes / 60 x USD per GPU-hour. Failure cost per year = failures per year x cost per failure.",
    },
    // ---- Finance ----
    Formula {
        name: "Capex and opex",
        text: "Capex (USD) = module prices x (1 + spares % / 100) + modules x installation USD; 0 for the baseline in a retrofit (its modules are owned). Opex (USD/yr) = network electricity cost + failure cost. Cumulative cost at the end of year y = capex + y x opex, for y = 0..horizon.",
    },
    Formula {
        name: "NPV and payback",
        text: "NPV of choosing the proposal (USD) = -(proposed capex - baseline capex) + sum over years y = 1..horizon of (baseline opex - proposed opex) / (1 + rate)^y. As opex = electricity + failures, the NPV is the sum of modules (-capex difference: modules, spares, installation), electricity (saved per year x A) and failures (replacements, labour, interruptions saved per year x A), A = sum over y of 1 / (1 + rate)^y. Recovered step time (its GPU-hours' value x A) is shown beside the NPV, not in it: it rests on the exposed share of collectives, an upper-bound estimate of compute gained, not money paid or saved, and must not outweigh metered electricity. Payback (months) = extra capex / (opex saved per year / 12); 0 when the proposal costs no more up front and saves no less to run; 'never' when it costs more to run or pays back after the horizon (shown as -1 in the metrics, which are always finite).",
    },
    // ---- Seed claims ----
    Formula {
        name: "Claim: optics of a 100k-GPU cluster exceed 3 MW",
        text: "Holds with DSP modules: 100,000 GPUs at 400G with twin-port 800G switch modules on 51.2T switches (radix 128) need 3 tiers and 3.5 modules per GPU, 2.5 x 16 W + 1 x 9 W = 49 W per GPU, 4.9 MW; at 800G with radix 64 it needs 4 tiers (8 modules per GPU at 16 W): 12.8 MW. It stops holding with one port per GPU and LPO or CPO optics (e.g. 2.5 modules per GPU at 8 W is 2 MW), or with copper on the GPU level of a 2-tier fabric.",
    },
    Formula {
        name: "Claim: optics are over 40% of network power",
        text: "Optics W / (optics W + switch W). With 800 W per 51.2T switch without optics and 16 W DSP modules, the default 3-tier fabric has ~77 modules (~1.2 kW of optics, NIC ends included) per 800 W switch, so optics are 60.6%. Published: 40-58% of a switch's power (QSFPTEK; FS.com); one switch with 64 modules here is 1,024 / 1,824 = 56%; the fabric adds the 32,768 NIC-end modules in the servers, hence 60.6%. An analyst ~45% of networking power (source not found) needs ~1,500 W per 51.2T here, or LPO (45%); it likely counts NICs and other network gear too. It stops holding when the switches draw more than ~1.8 kW per 51.2 Tb/s, when lower tiers are copper, or with CPO (~39%; LPO still ~45%).",
    },
    Formula {
        name: "Claim: the DSP is over half of a module's power; LPO saves about half",
        text: "16 W DSP module vs 8 W LPO (the seed's figures): the DSP-related part is (16 - 8) / 16 = 50%, i.e. 'about half'. With the catalog's sourced 8.5 W LPO it is 47%, and with extra host SerDes watts for linear drive it is less. Other sources put the DSP at >30% of module power.",
    },
    Formula {
        name: "Claim: tens of thousands of modules at 16 W -> 8 W save millions of kWh a year",
        text: "Energy saved = modules x 8 W x PUE x 8,760 h / 1,000: 50,000 modules save 400 kW of IT power, 3.5 million kWh a year at PUE 1.0 and 5.5 million at 1.56; at 8.92 c/kWh that is ~$0.3-0.5 million a year: 'millions of dollars' needs ~10x more modules or a higher price. It stops holding below ~15,000 modules (under 1 million kWh at PUE 1.0).",
    },
    Formula {
        name: "Claim: lower module power means fewer failures",
        text: "Only through temperature in this model: with Ea 0.7 eV and 1 K/W, an 8 W cooler module runs 8 K cooler and its AFR falls from 1.0% to 0.57% a year. With Ea = 0 or 0 K/W there is no effect: the claim then rests on fewer parts (no DSP), which has no field data in the sources.",
    },
    Formula {
        name: "Claim: the freed power fits more GPUs in the same megawatts",
        text: "Extra GPUs = facility W saved / (all-in W per GPU x PUE). At ~2 kW all-in per GPU, every 2 kW of IT power saved fits one more GPU. It holds whenever the proposal saves power; it is small next to the cluster (about optics saved / all-in power per GPU).",
    },
    Formula {
        name: "Claim: hundreds of microseconds of cumulative latency",
        text: "Cumulative latency saved per step = collectives per step x steps per collective x modules on the path x per-module ns saved. With 3 tiers (12 modules on a path) and 50 ns -> 5 ns, a path saves 540 ns; a tree all-reduce over 4,096 ranks has 24 steps, 13 us per collective, so 100 collectives a step accumulate ~1.3 ms before overlap. It takes ~185 path crossings per step at 540 ns to reach 100 us. Only the exposed share lengthens the step (10% by default: ~130 us of a 2 s step, 0.006%). With 1 or 2 tiers, few collectives, or when compute hides the collectives, it stops holding.",
    },
];
