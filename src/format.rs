//! Numbers for people: thousands separators, SI prefixes for watts and
//! watt-hours, $k/$M for money. Pure, so it is tested natively; the host
//! page's locale chooses the separators and the currency symbol.

use serde::{Deserialize, Serialize};

/// How numbers are written: separators and currency symbol (host-configurable).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NumberFormat {
    pub thousands_sep: String,
    pub decimal_sep: String,
    pub currency_symbol: String,
    /// Write the symbol after the number ("1,2 M €") instead of before ("$1.2M").
    pub currency_after: bool,
}

impl Default for NumberFormat {
    fn default() -> Self {
        NumberFormat {
            thousands_sep: ",".into(),
            decimal_sep: ".".into(),
            currency_symbol: "$".into(),
            currency_after: false,
        }
    }
}

impl NumberFormat {
    /// `value` with `decimals` decimals and grouped thousands: 1234567.8 -> "1,234,567.8".
    pub fn fixed(&self, value: f64, decimals: usize) -> String {
        if !value.is_finite() {
            return "–".into();
        }
        let text = format!("{:.*}", decimals, value.abs());
        let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
        let mut grouped = String::with_capacity(int.len() + int.len() / 3 * self.thousands_sep.len());
        for (i, ch) in int.chars().enumerate() {
            if i > 0 && (int.len() - i).is_multiple_of(3) {
                grouped.push_str(&self.thousands_sep);
            }
            grouped.push(ch);
        }
        // "-0" is not a number anyone wants to read.
        let negative = value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0');
        let sign = if negative { "-" } else { "" };
        if frac.is_empty() { format!("{sign}{grouped}") } else { format!("{sign}{grouped}{}{frac}", self.decimal_sep) }
    }

    /// A count of things, rounded to a whole number: "147,456".
    pub fn count(&self, value: f64) -> String {
        self.fixed(value.round(), 0)
    }

    /// Three significant figures, at least; never exponent notation. Zero is
    /// "0" (a SiPh proposal saves no latency: "0 ns", not "0.000 ns").
    pub fn significant(&self, value: f64) -> String {
        let abs = value.abs();
        let decimals = if abs >= 100.0 || abs == 0.0 {
            0
        } else if abs >= 10.0 {
            1
        } else if abs >= 1.0 {
            2
        } else {
            3
        };
        self.fixed(value, decimals)
    }

    /// Power with an SI prefix: 950 W, 12.5 kW, 3.54 MW, 1.20 GW.
    pub fn power_w(&self, watts: f64) -> String {
        self.si(watts, "W")
    }

    /// Energy with an SI prefix, from kilowatt-hours: 850 kWh, 12.3 MWh, 4.56 GWh.
    pub fn energy_kwh(&self, kwh: f64) -> String {
        self.si(kwh * 1e3, "Wh")
    }

    fn si(&self, value: f64, unit: &str) -> String {
        const PREFIXES: [(f64, &str); 4] = [(1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")];
        let abs = value.abs();
        if !abs.is_finite() {
            return format!("– {unit}");
        }
        for (scale, prefix) in PREFIXES {
            if abs >= scale {
                return format!("{} {prefix}{unit}", self.significant(value / scale));
            }
        }
        format!("{} {unit}", self.significant(value))
    }

    /// Money, compact: $950, $12.5k, $3.54M, $1.20B.
    pub fn money(&self, usd: f64) -> String {
        const SCALES: [(f64, &str); 3] = [(1e9, "B"), (1e6, "M"), (1e3, "k")];
        let abs = usd.abs();
        let (number, suffix) = SCALES
            .iter()
            .find(|(scale, _)| abs >= *scale)
            .map(|(scale, suffix)| (self.significant(usd / scale), *suffix))
            .unwrap_or_else(|| (self.fixed(usd, 0), ""));
        let (sign, digits) = match number.strip_prefix('-') {
            Some(rest) => ("-", rest.to_string()),
            None => ("", number),
        };
        if self.currency_after {
            format!("{sign}{digits}{suffix} {}", self.currency_symbol)
        } else {
            format!("{sign}{}{digits}{suffix}", self.currency_symbol)
        }
    }

    /// Time from nanoseconds, in the unit that reads best: 45 ns, 540 ns, 1.25 µs, 3.40 ms.
    pub fn duration_ns(&self, ns: f64) -> String {
        let abs = ns.abs();
        if abs >= 1e9 {
            format!("{} s", self.significant(ns / 1e9))
        } else if abs >= 1e6 {
            format!("{} ms", self.significant(ns / 1e6))
        } else if abs >= 1e3 {
            format!("{} µs", self.significant(ns / 1e3))
        } else {
            format!("{} ns", self.significant(ns))
        }
    }

    /// A headline metric in words, chosen by its unit (units as the model's
    /// `Metric::unit` names them).
    pub fn metric(&self, value: f64, unit: &str) -> String {
        match unit {
            "W" => self.power_w(value),
            "kWh/yr" => format!("{}/yr", self.energy_kwh(value)),
            "USD/yr" => format!("{}/yr", self.money(value)),
            "USD" => self.money(value),
            "t CO2e/yr" => format!("{} t/yr", self.count(value)),
            "ns" => self.duration_ns(value),
            "us/step" => format!("{}/step", self.duration_ns(value * 1e3)),
            "%" => self.percent(value),
            "failures/yr" => format!("{}/yr", self.significant(value)),
            "months" if value < 0.0 => "never".into(),
            // Paid back on day one: the proposal costs less up front too.
            "months" if value == 0.0 => "immediate".into(),
            "months" => format!("{} months", self.fixed(value, 1)),
            "links/pair" => format!("{} per pair", self.pair_links(value)),
            _ => format!("{} {unit}", self.count(value)).trim_end().to_string(),
        }
    }

    /// Links per switch pair: a whole number as it is ("4"); an average
    /// (fluid counts: the links do not divide evenly) with two decimals and
    /// saying so ("4.50 on average"); "–" where there is no pair (0).
    pub fn pair_links(&self, value: f64) -> String {
        if !value.is_finite() || value <= 0.0 {
            "–".into()
        } else if value.fract() == 0.0 {
            self.count(value)
        } else {
            format!("{} on average", self.fixed(value, 2))
        }
    }

    /// A percentage from a value already in percent: "41.3%".
    pub fn percent(&self, pct: f64) -> String {
        format!("{}%", self.fixed(pct, 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en() -> NumberFormat {
        NumberFormat::default()
    }

    #[test]
    fn groups_thousands() {
        assert_eq!(en().count(147_456.0), "147,456");
        assert_eq!(en().count(999.0), "999");
        assert_eq!(en().count(1_000_000.0), "1,000,000");
        assert_eq!(en().fixed(-1234.5, 1), "-1,234.5");
        assert_eq!(en().fixed(-0.0001, 1), "0.0");
    }

    #[test]
    fn picks_si_prefixes() {
        assert_eq!(en().power_w(950.0), "950 W");
        assert_eq!(en().power_w(12_500.0), "12.5 kW");
        assert_eq!(en().power_w(2_359_296.0), "2.36 MW");
        assert_eq!(en().energy_kwh(10_300_000.0), "10.3 GWh");
    }

    #[test]
    fn writes_money_compactly() {
        assert_eq!(en().money(950.0), "$950");
        assert_eq!(en().money(12_500.0), "$12.5k");
        assert_eq!(en().money(3_540_000.0), "$3.54M");
        assert_eq!(en().money(-3_540_000.0), "-$3.54M");
        let eu = NumberFormat {
            thousands_sep: ".".into(),
            decimal_sep: ",".into(),
            currency_symbol: "€".into(),
            currency_after: true,
        };
        assert_eq!(eu.money(3_540_000.0), "3,54M €");
        assert_eq!(eu.count(147_456.0), "147.456");
    }

    #[test]
    fn picks_time_units() {
        assert_eq!(en().duration_ns(45.0), "45.0 ns");
        assert_eq!(en().duration_ns(540.0), "540 ns");
        assert_eq!(en().duration_ns(1250.0), "1.25 µs");
        assert_eq!(en().duration_ns(552_000.0), "552 µs");
    }

    #[test]
    fn formats_metrics_by_unit() {
        assert_eq!(en().metric(147_456.0, "modules"), "147,456 modules");
        assert_eq!(en().metric(2_359_296.0, "W"), "2.36 MW");
        assert_eq!(en().metric(-1.0, "months"), "never");
        assert_eq!(en().metric(7.26, "months"), "7.3 months");
        assert_eq!(en().metric(0.0, "months"), "immediate");
        assert_eq!(en().metric(552.0, "us/step"), "552 µs/step");
        assert_eq!(en().metric(0.0, "us/step"), "0 ns/step");
        assert_eq!(en().duration_ns(-0.0), "0 ns");
        assert_eq!(en().metric(41.27, "%"), "41.3%");
        assert_eq!(en().metric(4.0, "links/pair"), "4 per pair");
        assert_eq!(en().metric(4.5, "links/pair"), "4.50 on average per pair");
        assert_eq!(en().metric(0.0, "links/pair"), "– per pair");
    }

    #[test]
    fn never_prints_nan() {
        assert_eq!(en().money(f64::NAN), "$–");
        assert_eq!(en().power_w(f64::INFINITY), "– W");
    }
}
