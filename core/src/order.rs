//! One stable sort for the whole program.
//!
//! Every `slice::sort_by` with its own element type or comparison compiles the standard library's sort
//! anew: about 3 KB of wasm each, fifteen times over in the page. Here the sort runs once, non-generic,
//! over positions, and each caller only supplies how two of its items compare.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their order (a stable sort), through the one sort.
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    if items.len() <= SHORT {
        insertion_sort(items, compare);
        return;
    }
    let order = {
        let view: &[T] = items;
        positions(view.len(), &|a, b| match (view.get(a), view.get(b)) {
            (Some(x), Some(y)) => compare(x, y),
            _ => Ordering::Equal,
        })
    };
    permute(items, order);
}

/// Lists this short are sorted where they lie, with nothing allocated (as the standard sort does), so
/// the many small sorts of a render leave no holes in the heap.
const SHORT: usize = 20;

/// A stable insertion sort: an item moves left past every item that compares greater.
fn insertion_sort<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    for end in 1..items.len() {
        let mut at = end;
        while at > 0 {
            let (Some(left), Some(right)) = (items.get(at - 1), items.get(at)) else {
                break;
            };
            if compare(left, right) != Ordering::Greater {
                break;
            }
            items.swap(at - 1, at);
            at -= 1;
        }
    }
}

/// Puts the item at `order[i]` in place `i`, in place by swaps along each cycle: no second copy of the
/// items, so sorting costs the memory of the positions only.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..order.len() {
        let mut place = start;
        while let Some(slot) = order.get_mut(place) {
            let from = std::mem::replace(slot, DONE);
            if from == DONE || from == start || from >= items.len() {
                break;
            }
            items.swap(place, from);
            place = from;
        }
    }
}

/// Sorts `items` by a key, stably: `sort_by` comparing `key` of each.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// For each position `0..len`, the first position that compares equal to it (itself when none before it
/// does): the first row, id or key of its kind, found with the one sort instead of a hash map per key
/// type (each compiles its own table code into the wasm).
pub fn first_equal(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let order = positions(len, compare);
    let mut first: Vec<usize> = (0..len).collect();
    let mut run: Option<usize> = None;
    for at in order {
        // The sort is stable, so each run of equal items starts with the earliest.
        let start = match run {
            Some(start) if compare(start, at) == Ordering::Equal => start,
            _ => at,
        };
        run = Some(start);
        if let Some(slot) = first.get_mut(at) {
            *slot = start;
        }
    }
    first
}

/// The positions `0..len` in the order `compare` gives them, equal ones in their own order. The one
/// place the standard sort is compiled; `inline(never)` keeps it one copy.
#[inline(never)]
pub fn positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorting_keeps_equal_items_in_order() {
        let mut items = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_by_key(&mut items, |item| item.0);
        assert_eq!(items, [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
    }

    #[test]
    fn positions_follow_the_comparison() {
        let values = [3, 1, 2];
        let order = positions(values.len(), &|a, b| values[a].cmp(&values[b]));
        assert_eq!(order, [1, 2, 0]);
        let mut empty: [u8; 0] = [];
        sort_by(&mut empty, Ord::cmp);
        assert!(empty.is_empty());
    }

    #[test]
    fn each_item_points_at_the_first_equal_one() {
        let keys = ["b", "a", "b", "c", "a", "b"];
        let first = first_equal(keys.len(), &|a, b| keys[a].cmp(keys[b]));
        assert_eq!(first, [0, 1, 0, 3, 1, 0]);
        assert!(first_equal(0, &|_, _| Ordering::Equal).is_empty());
    }

    #[test]
    fn longer_cycles_land_in_order() {
        let mut items: Vec<u32> = (0..50).map(|n| (n * 37 + 11) % 50).collect();
        let mut expected = items.clone();
        expected.sort();
        sort_by(&mut items, Ord::cmp);
        assert_eq!(items, expected);
    }
}
