//! Link formats 1 and 2, read so that their links keep their meaning.
//!
//! Format 3 added `cabling`, whose default (`even`: every switch has the same
//! number of links to each switch above it that it reaches) gives more
//! switches above the leaf than formats 1 and 2 counted where the fluid
//! minimum does not divide the leaf's uplinks (NVIDIA's 2,304-GPU B300 XDR
//! fabric: 18 spines, not 16). It also added `oversub_top`, whose default 1
//! is what the older formats built, so it needs nothing. A link or export of
//! format 1 or 2 that leaves `cabling` out therefore means `fluid`; one that
//! gives it (written by hand) keeps its value.

use super::apply::Given;
use crate::model::INPUTS;

/// Inputs added by format 3 whose default differs from what formats 1 and 2
/// built, with the value that does what they built.
const FORMAT_2_VALUES: &[(&str, &str)] = &[("cabling", "fluid")];

/// Gives each input of [`FORMAT_2_VALUES`] that a format-1 or format-2 link
/// (or export) leaves out its older value. `given` is indexed like [`INPUTS`].
pub(crate) fn restore(given: &mut [Option<Given>]) {
    for (key, value) in FORMAT_2_VALUES {
        if let Some(slot) = INPUTS.iter().position(|d| d.key == *key).and_then(|i| given.get_mut(i))
            && slot.is_none()
        {
            *slot = Some(Given::Text((*value).to_string()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cabling(given: &[Option<Given>]) -> Option<String> {
        let i = INPUTS.iter().position(|d| d.key == "cabling")?;
        match &given[i] {
            Some(Given::Text(t)) => Some(t.clone()),
            _ => None,
        }
    }

    #[test]
    fn older_links_count_the_fluid_minimum_unless_they_say_otherwise() {
        let mut given: Vec<Option<Given>> = INPUTS.iter().map(|_| None).collect();
        restore(&mut given);
        assert_eq!(cabling(&given).as_deref(), Some("fluid"));
        let i = INPUTS.iter().position(|d| d.key == "cabling").unwrap();
        given[i] = Some(Given::Text("even".into()));
        restore(&mut given);
        assert_eq!(cabling(&given).as_deref(), Some("even"));
    }
}
