//! Widgets that follow one reader's choice: every widget mounted with the same `sync` name takes the
//! location and currency a reader picks in any of them, so a page with one widget per level is set once.
//!
//! The choice lives in this document's memory only, for the page's lifetime: never in the host's URL or
//! storage. A widget leaves its group when it is destroyed; the last one to leave removes the group.

use std::cell::RefCell;

use yew::Callback;

use crate::band::CurrencyChoice;
use paygrade_core::names::Names;

/// What a synced group shares.
#[derive(Clone, Debug, PartialEq)]
pub enum SyncedChoice {
    Location(String),
    Currency(CurrencyChoice),
}

#[derive(Default)]
struct Group {
    members: Vec<(usize, Callback<SyncedChoice>)>,
    /// The reader's latest choices, for widgets that join later.
    location: Option<String>,
    currency: Option<CurrencyChoice>,
}

thread_local! {
    /// By name: a page has a few groups, so the core's small map, not a hash table of its own.
    static GROUPS: RefCell<Names<Group>> = const { RefCell::new(Names::new()) };
}

/// A widget's place in a group; dropping it leaves the group.
pub struct Membership {
    name: String,
    member: usize,
}

impl Drop for Membership {
    fn drop(&mut self) {
        GROUPS.with(|groups| {
            let mut groups = groups.borrow_mut();
            if let Some(group) = groups.get_mut(&self.name) {
                group.members.retain(|(member, _)| *member != self.member);
                if group.members.is_empty() {
                    groups.remove(&self.name);
                }
            }
        });
    }
}

/// Joins `name` as `member`; `on_choice` receives the other members' choices, starting with the group's
/// current ones.
pub fn join(name: &str, member: usize, on_choice: Callback<SyncedChoice>) -> Membership {
    let current = GROUPS.with(|groups| {
        let mut groups = groups.borrow_mut();
        if !groups.contains_key(name) {
            groups.insert(name.to_string(), Group::default());
        }
        let Some(group) = groups.get_mut(name) else {
            return [None, None];
        };
        group.members.push((member, on_choice.clone()));
        let location = group.location.clone().map(SyncedChoice::Location);
        let currency = group.currency.clone().map(SyncedChoice::Currency);
        [location, currency]
    });
    for choice in current.into_iter().flatten() {
        on_choice.emit(choice);
    }
    Membership {
        name: name.to_string(),
        member,
    }
}

/// A reader's choice in `member`: kept for the group and sent to every other member.
pub fn publish(name: &str, member: usize, choice: SyncedChoice) {
    let others: Vec<Callback<SyncedChoice>> = GROUPS.with(|groups| {
        let mut groups = groups.borrow_mut();
        let Some(group) = groups.get_mut(name) else {
            return Vec::new();
        };
        match &choice {
            SyncedChoice::Location(id) => group.location = Some(id.clone()),
            SyncedChoice::Currency(currency) => group.currency = Some(currency.clone()),
        }
        group
            .members
            .iter()
            .filter(|(other, _)| *other != member)
            .map(|(_, callback)| callback.clone())
            .collect()
    });
    for callback in others {
        callback.emit(choice.clone());
    }
}

/// How many groups exist, for tests that check `destroy()` leaves nothing behind.
pub fn group_count() -> usize {
    GROUPS.with(|groups| groups.borrow().len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::rc::Rc;

    fn recorder() -> (Rc<RefCell<Vec<SyncedChoice>>>, Callback<SyncedChoice>) {
        let seen = Rc::new(RefCell::new(Vec::new()));
        let sink = Rc::clone(&seen);
        (
            seen,
            Callback::from(move |choice| sink.borrow_mut().push(choice)),
        )
    }

    #[test]
    fn members_follow_each_other_and_late_joiners_get_the_current_choice() {
        let (a_seen, a) = recorder();
        let (b_seen, b) = recorder();
        let first = join("levels", 1, a);
        let second = join("levels", 2, b);
        publish("levels", 1, SyncedChoice::Location("germany/berlin".into()));
        assert!(
            a_seen.borrow().is_empty(),
            "the chooser is not told its own choice"
        );
        assert_eq!(
            *b_seen.borrow(),
            [SyncedChoice::Location("germany/berlin".into())]
        );

        let (c_seen, c) = recorder();
        let third = join("levels", 3, c);
        assert_eq!(
            *c_seen.borrow(),
            [SyncedChoice::Location("germany/berlin".into())]
        );

        let (other_seen, other) = recorder();
        let unsynced = join("another", 4, other);
        publish(
            "levels",
            2,
            SyncedChoice::Currency(CurrencyChoice::Reference),
        );
        assert!(
            other_seen.borrow().is_empty(),
            "another group hears nothing"
        );
        assert_eq!(a_seen.borrow().len(), 1);

        drop((first, second, third));
        assert_eq!(group_count(), 1);
        drop(unsynced);
        assert_eq!(group_count(), 0);
    }
}
