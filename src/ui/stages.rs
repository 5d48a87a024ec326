//! Mounting in stages. Building the whole calculator in one task blocked
//! input for ~0.2 s on a phone-class CPU (Lighthouse's TBT): the first task
//! builds what the first screen needs (header, first input group, headline)
//! and every [`Later`] part is built in a task of its own after it, in the
//! order the view declares them, so input is never kept waiting long.

use std::time::Duration;

use leptos::prelude::*;

/// The stages of one calculator: how many parts were declared, and how many
/// have been built. Parts declared once all are built (a layout switch)
/// are built at once.
#[derive(Clone, Copy)]
pub struct Stages {
    declared: StoredValue<u16>,
    built: RwSignal<u16>,
    done: RwSignal<bool>,
}

impl Stages {
    /// Starts building the parts declared while the first task runs, one
    /// per task, from the next task on.
    pub fn start() -> Stages {
        let stages = Stages { declared: StoredValue::new(0), built: RwSignal::new(0), done: RwSignal::new(false) };
        set_timeout(move || stages.advance(), Duration::ZERO);
        stages
    }

    /// Builds the next part, or marks all built.
    fn advance(self) {
        // try_: the calculator may have been unmounted between tasks.
        let (Some(built), Some(declared)) = (self.built.try_get_untracked(), self.declared.try_get_value()) else {
            return;
        };
        if built >= declared {
            let _ = self.done.try_set(true);
            return;
        }
        let _ = self.built.try_set(built + 1);
        set_timeout(move || self.advance(), Duration::ZERO);
    }

    /// Whether every declared part has been built (reactive).
    pub fn done(self) -> bool {
        self.done.get()
    }
}

/// A part of the calculator built in a later task (see the module notes).
#[component]
pub fn Later(children: ChildrenFn) -> impl IntoView {
    let stages = use_context::<Stages>();
    let shown = match stages {
        Some(s) if !s.done.get_untracked() => {
            s.declared.update_value(|n| *n += 1);
            let mine = s.declared.get_value();
            Memo::new(move |_| s.built.get() >= mine)
        }
        _ => Memo::new(|_| true),
    };
    move || shown.get().then(|| children())
}
