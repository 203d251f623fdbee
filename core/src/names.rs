//! One small map for the whole program: values by name (a file's path, a role's id), kept as a `Vec`
//! sorted by name.
//!
//! A `BTreeMap` compiles its insert, remove, rebalancing, clone, drop and iterators again for every key
//! and value type: about 3 KB of wasm each, for maps that hold a data folder's few files or the role
//! pages a reader opened. Here lookups are one binary search over the names, and a map of many entries
//! is built in one go (collected, then sorted once by the one sort in `order`), never entry by entry.

use std::cmp::Ordering;
use std::fmt;

/// Values by name, iterated in name order like a `BTreeMap<String, V>` (which it stands in for, with
/// less code in the wasm). `insert` moves the later entries along: fine for the few names a reader adds
/// one by one; `collect` or `extend` for many.
#[derive(Clone, PartialEq)]
pub struct Names<V> {
    entries: Vec<(String, V)>,
}

impl<V> Default for Names<V> {
    fn default() -> Self {
        Names::new()
    }
}

impl<V> Names<V> {
    /// An empty map (const, for a `thread_local!` cache).
    pub const fn new() -> Self {
        Names {
            entries: Vec::new(),
        }
    }

    /// How many names it holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether it holds no name.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Where `name` is, or where it would go.
    fn find(&self, name: &str) -> Result<usize, usize> {
        self.entries
            .binary_search_by(|(have, _)| have.as_str().cmp(name))
    }

    /// The value under `name`.
    pub fn get(&self, name: &str) -> Option<&V> {
        let at = self.find(name).ok()?;
        self.entries.get(at).map(|(_, value)| value)
    }

    /// The value under `name`, to change it.
    pub fn get_mut(&mut self, name: &str) -> Option<&mut V> {
        let at = self.find(name).ok()?;
        self.entries.get_mut(at).map(|(_, value)| value)
    }

    /// Whether `name` has a value.
    pub fn contains_key(&self, name: &str) -> bool {
        self.find(name).is_ok()
    }

    /// Puts `value` under `name`, returning the value it replaces.
    pub fn insert(&mut self, name: String, value: V) -> Option<V> {
        match self.find(&name) {
            Ok(at) => self
                .entries
                .get_mut(at)
                .map(|(_, old)| std::mem::replace(old, value)),
            Err(at) => {
                self.entries.insert(at, (name, value));
                None
            }
        }
    }

    /// Takes the value under `name` out.
    pub fn remove(&mut self, name: &str) -> Option<V> {
        let at = self.find(name).ok()?;
        Some(self.entries.remove(at).1)
    }

    /// Every name and its value, in name order.
    pub fn iter(&self) -> Iter<'_, V> {
        self.entries.iter().map(as_pair)
    }

    /// Every name, in order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.entries.iter().map(|(name, _)| name)
    }

    /// Every value, in name order.
    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.entries.iter().map(|(_, value)| value)
    }

    /// Sorts the entries by name and keeps, of equal names, the last one given (as `BTreeMap`'s
    /// `collect` and `extend` do): the sort is stable, so the last of a run is the latest.
    fn settle(&mut self) {
        crate::order::sort_by(&mut self.entries, |(a, _), (b, _)| a.cmp(b));
        self.entries.dedup_by(|later, kept| {
            if later.0.cmp(&kept.0) == Ordering::Equal {
                std::mem::swap(&mut later.1, &mut kept.1);
                true
            } else {
                false
            }
        });
    }
}

/// The iterator `iter` returns: each entry as a name and its value.
pub type Iter<'a, V> =
    std::iter::Map<std::slice::Iter<'a, (String, V)>, fn(&'a (String, V)) -> (&'a String, &'a V)>;

fn as_pair<V>((name, value): &(String, V)) -> (&String, &V) {
    (name, value)
}

impl<V> FromIterator<(String, V)> for Names<V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(pairs: I) -> Self {
        let mut names = Names {
            entries: pairs.into_iter().collect(),
        };
        names.settle();
        names
    }
}

impl<V> Extend<(String, V)> for Names<V> {
    fn extend<I: IntoIterator<Item = (String, V)>>(&mut self, pairs: I) {
        self.entries.extend(pairs);
        self.settle();
    }
}

impl<V, const N: usize> From<[(String, V); N]> for Names<V> {
    fn from(pairs: [(String, V); N]) -> Self {
        pairs.into_iter().collect()
    }
}

impl<'a, V> IntoIterator for &'a Names<V> {
    type Item = (&'a String, &'a V);
    type IntoIter = Iter<'a, V>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<V> IntoIterator for Names<V> {
    type Item = (String, V);
    type IntoIter = std::vec::IntoIter<(String, V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl<V: fmt::Debug> fmt::Debug for Names<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(pairs: &[(&str, u32)]) -> Names<u32> {
        pairs
            .iter()
            .map(|(name, value)| (name.to_string(), *value))
            .collect()
    }

    #[test]
    fn collecting_sorts_by_name_and_keeps_the_last_value() {
        let map = names(&[("b", 1), ("a", 2), ("b", 3), ("c", 4), ("a", 5)]);
        let pairs: Vec<(String, u32)> = map.into_iter().collect();
        let expected = [("a", 5), ("b", 3), ("c", 4)].map(|(n, v)| (n.to_string(), v));
        assert_eq!(pairs, expected);
    }

    #[test]
    fn inserting_keeps_names_in_order_and_replaces() {
        let mut map = Names::new();
        assert_eq!(map.insert("m".to_string(), 1), None);
        assert_eq!(map.insert("a".to_string(), 2), None);
        assert_eq!(map.insert("z".to_string(), 3), None);
        assert_eq!(map.insert("m".to_string(), 4), Some(1));
        let keys: Vec<&String> = map.keys().collect();
        assert_eq!(keys, ["a", "m", "z"]);
        assert_eq!(map.get("m"), Some(&4));
        if let Some(value) = map.get_mut("m") {
            *value = 5;
        }
        assert_eq!(map.get("m"), Some(&5));
        assert_eq!(map.remove("a"), Some(2));
        assert_eq!(map.remove("a"), None);
        assert!(!map.contains_key("a"));
        assert_eq!(map.len(), 2);
    }

    #[test]
    fn extending_lets_the_new_value_win() {
        let mut map = names(&[("a", 1), ("c", 2)]);
        map.extend([("b".to_string(), 3), ("a".to_string(), 4)]);
        let pairs: Vec<(&String, &u32)> = map.iter().collect();
        assert_eq!(pairs.len(), 3);
        assert_eq!(map.get("a"), Some(&4));
        assert_eq!(map.values().copied().collect::<Vec<_>>(), [4, 3, 2]);
    }

    #[test]
    fn many_names_sort_like_a_btree_map() {
        let pairs: Vec<(String, usize)> = (0..500)
            .map(|n| (format!("roles/{}.md", (n * 37) % 211), n))
            .collect();
        let expected: std::collections::BTreeMap<String, usize> = pairs.iter().cloned().collect();
        let map: Names<usize> = pairs.into_iter().collect();
        assert!(map.iter().eq(expected.iter()));
        assert_eq!(format!("{map:?}"), format!("{expected:?}"));
    }
}
