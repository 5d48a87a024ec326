//! Notices about input the page changed or ignored. Each is an element with
//! `data-notice` (the public readout interface); text only, never HTML.

use leptos::prelude::*;

use crate::model::Notice;

#[component]
pub fn Notices(
    /// Outcome of the user's last action (or of loading a link).
    input: RwSignal<Vec<Notice>>,
    /// Caveats from the model about the current result.
    model: Signal<Vec<Notice>>,
) -> impl IntoView {
    let all = move || {
        let mut list = input.get();
        list.extend(model.get());
        list
    };
    view! {
        <div class="oc-notices" role="status" aria-live="polite">
            <Show when=move || !all().is_empty()>
                <ul>
                    {move || all().into_iter().map(|n| view! {
                        <li data-notice=n.key.clone()><strong>{n.key.clone()}</strong>": "{n.message.clone()}</li>
                    }).collect_view()}
                </ul>
                <button type="button" class="oc-link-button" on:click=move |_| input.set(Vec::new())>
                    "Dismiss"
                </button>
            </Show>
        </div>
    }
}
