//! When the inputs come to rest. A slider drag sends an input event every
//! frame; work its frames need not wait for (the Monte Carlo run, charts
//! scrolled out of view, rewriting the URL) waits for a pause instead.

use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;

use crate::model::Scenario;
use crate::ui::effect::effect;

/// Quiet time after the last change that ends a burst of input, ms: longer
/// than the gap between a drag's events, short enough to feel immediate.
const QUIET_MS: u64 = 150;

/// Counts the moments the scenario came to rest: [`QUIET_MS`] after a
/// change with none following, and just before printing (a report must
/// never show a drawing the inputs have left behind). Zero until the first.
#[derive(Clone, Copy)]
pub struct Settled {
    rests: RwSignal<u64>,
    /// Changes of the scenario so far (not reactive).
    changes: StoredValue<u64>,
}

impl Settled {
    /// Watches `scenario`; mounting counts as its first change.
    pub fn watch(scenario: RwSignal<Scenario>) -> Settled {
        let count = RwSignal::new(0u64);
        let changes = StoredValue::new(0u64);
        effect(move || {
            scenario.track();
            changes.update_value(|c| *c += 1);
            let mine = changes.get_value();
            set_timeout(
                move || {
                    // try_: the calculator may have been unmounted meanwhile.
                    if changes.try_get_value() == Some(mine) {
                        let _ = count.try_update(|n| *n += 1);
                    }
                },
                Duration::from_millis(QUIET_MS),
            );
        });
        let before_print = window_event_listener(ev::beforeprint, move |_| count.update(|n| *n += 1));
        on_cleanup(move || before_print.remove());
        Settled { rests: count, changes }
    }

    /// How many times the scenario has changed (mounting included), read
    /// without subscribing: work done for one value need not be redone at a
    /// rest that followed no change.
    pub fn changes(&self) -> u64 {
        self.changes.try_get_value().unwrap_or(0)
    }

    /// How many times the inputs have come to rest; a reactive read, so the
    /// caller runs again at the next.
    pub fn count(&self) -> u64 {
        self.rests.get()
    }

    /// Subscribes the caller to the next moment of rest.
    pub fn track(&self) {
        self.rests.track();
    }

    /// `value` as a part of the page that may be out of view shows it: at
    /// every change while `in_view`, and out of view only at rest (or when
    /// it comes back into view), so a drag's frames skip its DOM updates.
    pub fn follow<T>(&self, value: Memo<T>, in_view: RwSignal<bool>) -> Memo<T>
    where
        T: Clone + PartialEq + Send + Sync + 'static,
    {
        let settled = *self;
        Memo::new(move |_| {
            if in_view.get() {
                value.get()
            } else {
                settled.track();
                value.get_untracked()
            }
        })
    }

    /// Counts a moment of rest now (before printing from a button).
    pub fn now(&self) {
        self.rests.update(|n| *n += 1);
    }
}
