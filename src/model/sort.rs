//! The model's two sorts, written out once each. Why not std's: `sort_by`
//! is instantiated per element type and comparator, and each copy of its
//! driftsort costs the wasm 1.5 to 3 KB; these cost a few hundred bytes.
//! Both give exactly the order std's stable sorts gave.

/// Sorts floats ascending in [`f64::total_cmp`]'s order (a heapsort: in
/// place, O(n log n) for any n). Values that compare equal in that order
/// have the same bits, so the result is the one any sort gives.
pub fn sort_floats(values: &mut [f64]) {
    /// `total_cmp`'s key: the bits as an integer, negatives' order reversed.
    fn key(v: f64) -> i64 {
        let bits = v.to_bits() as i64;
        bits ^ (((bits >> 63) as u64) >> 1) as i64
    }
    /// Moves `values[root]` down the max-heap `values[..end]`.
    fn sift_down(values: &mut [f64], mut root: usize, end: usize) {
        loop {
            let mut child = 2 * root + 1;
            if child >= end {
                return;
            }
            if child + 1 < end && key(values[child]) < key(values[child + 1]) {
                child += 1;
            }
            if key(values[root]) >= key(values[child]) {
                return;
            }
            values.swap(root, child);
            root = child;
        }
    }
    let n = values.len();
    for root in (0..n / 2).rev() {
        sift_down(values, root, n);
    }
    for end in (1..n).rev() {
        values.swap(0, end);
        sift_down(values, 0, end);
    }
}

/// Sorts a short list by `key`, largest first; items with equal keys keep
/// their order (an insertion sort: for the tens of items of a tornado).
pub fn sort_desc_by<T>(items: &mut [T], key: impl Fn(&T) -> f64) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]).total_cmp(&key(&items[j])).is_lt() {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn floats_take_total_cmp_order() {
        let values = [3.0, -0.0, f64::NAN, 0.0, f64::NEG_INFINITY, -2.5, 1e-300, f64::INFINITY, -f64::NAN, 3.0];
        let mut v = values;
        sort_floats(&mut v);
        let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        let expected = [-f64::NAN, f64::NEG_INFINITY, -2.5, -0.0, 0.0, 1e-300, 3.0, 3.0, f64::INFINITY, f64::NAN];
        assert_eq!(bits(&v), bits(&expected));
        sort_floats(&mut []);
    }

    #[test]
    fn equal_keys_keep_their_order_largest_first() {
        let mut items = [("a", 1.0), ("b", 5.0), ("c", 1.0), ("d", -7.0), ("e", 5.0), ("f", 0.0)];
        sort_desc_by(&mut items, |(_, k)| *k);
        let names: Vec<&str> = items.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, ["b", "e", "a", "c", "f", "d"]);
    }

    proptest! {
        #[test]
        fn the_same_order_as_std(values in prop::collection::vec(any::<f64>(), 0..300), keys in prop::collection::vec(-3i8..3, 0..40)) {
            let mut ours = values.clone();
            sort_floats(&mut ours);
            let mut std = values;
            std.sort_by(f64::total_cmp);
            prop_assert_eq!(ours.iter().map(|x| x.to_bits()).collect::<Vec<_>>(), std.iter().map(|x| x.to_bits()).collect::<Vec<_>>());

            let items: Vec<(usize, f64)> = keys.iter().map(|&k| f64::from(k)).enumerate().collect();
            let mut ours = items.clone();
            sort_desc_by(&mut ours, |(_, k)| *k);
            let mut std = items;
            std.sort_by(|a, b| b.1.total_cmp(&a.1));
            prop_assert_eq!(ours, std);
        }
    }
}
