use optics_calc::model::evaluate;
use optics_calc::share::decode;
fn main() {
    for link in std::env::args().skip(1) {
        let d = decode(&link);
        let r = evaluate(&d.scenario);
        let rows: Vec<String> = r
            .baseline
            .tiers()
            .iter()
            .map(|t| format!("{}sw/{}fl/{}ln/{:.2}pp", t.switches, t.fluid_switches, t.links, t.pair_links))
            .collect();
        println!(
            "{link}\n  tiers {} pods {} switches {} rows {:?}\n  notices {:?} {:?}",
            r.tiers, r.pods, r.baseline.switches, rows, d.notices, r.notices
        );
    }
}
