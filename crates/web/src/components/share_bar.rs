//! Share, embed, download/upload and reset: the page's state in and out. Links carry the state
//! in the fragment; a state too large for a link is offered as a file instead.

use crate::platform::embed::{Presentation, Theme};
use crate::platform::share::{self, MAX_LINK_CHARS};
use crate::platform::{files, storage};
use crate::state::live::LiveState;
use crate::state::playground::PlaygroundState;
use std::future::Future;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// What the bar shows under its buttons.
#[derive(Debug, Clone, PartialEq)]
enum Panel {
    Closed,
    Link { url: String, copied: bool, without_events: bool, files_kept: bool },
    Embed { fragment: String },
    TooLarge { chars: usize },
}

/// The embed snippet's options, chosen in the bar.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct EmbedChoice {
    read_only: bool,
    replay: bool,
    /// None: the system's.
    theme: Option<Theme>,
}

impl EmbedChoice {
    fn snippet(&self, fragment: &str) -> String {
        let EmbedChoice { read_only, replay, theme } = *self;
        let query = Presentation { embed: true, read_only, replay, context: false, theme }.to_query();
        let src = format!("{}{query}{fragment}", share::page_url_without_query());
        format!(
            "<iframe src=\"{}\" title=\"trailscope: CloudTrail event-selector playground\" width=\"100%\" height=\"640\" loading=\"lazy\"></iframe>",
            src.replace('&', "&amp;").replace('"', "&quot;")
        )
    }
}

#[derive(Properties, PartialEq)]
pub struct ShareBarProps {
    pub live: LiveState,
    /// Loads a whole state into the page (upload, reset), saying what it is.
    pub on_load: Callback<(String, PlaygroundState)>,
    /// Shows (or clears) the page's notice.
    pub on_notice: Callback<Option<String>>,
}

/// The link for `state`, dropping its events when they alone make it too long.
async fn link_for(state: PlaygroundState) -> Result<Panel, String> {
    let base = share::page_url_without_query();
    let url = format!("{base}{}", share::fragment_for(&state).await?);
    if url.len() <= MAX_LINK_CHARS {
        return Ok(Panel::Link { url, copied: false, without_events: false, files_kept: false });
    }
    if state.events.is_some() {
        let url = format!("{base}{}", share::fragment_for(&state.without_events()).await?);
        if url.len() <= MAX_LINK_CHARS {
            return Ok(Panel::Link { url, copied: false, without_events: true, files_kept: false });
        }
    }
    Ok(Panel::TooLarge { chars: url.len() })
}

/// A click that runs `task` on the page's current state and shows the panel it makes; its
/// error goes to `failed`.
fn panel_task<F, Fut>(
    live: &LiveState,
    panel: &UseStateHandle<Panel>,
    failed: &Callback<String>,
    task: F,
) -> Callback<MouseEvent>
where
    F: Fn(PlaygroundState) -> Fut + 'static,
    Fut: Future<Output = Result<Panel, String>> + 'static,
{
    let (live, panel, failed) = (live.clone(), panel.clone(), failed.clone());
    Callback::from(move |_: MouseEvent| {
        let Some(state) = live.read() else { return };
        let (panel, failed, work) = (panel.clone(), failed.clone(), task(state));
        yew::platform::spawn_local(async move {
            match work.await {
                Ok(next) => panel.set(next),
                Err(reason) => failed.emit(reason),
            }
        });
    })
}

#[function_component(ShareBar)]
pub fn share_bar(props: &ShareBarProps) -> Html {
    let panel = use_state(|| Panel::Closed);
    let choice = use_state(EmbedChoice::default);
    let failed = props.on_notice.reform(|reason: String| Some(format!("The link could not be made: {reason}.")));

    let replay = props.live.replay.clone();
    let on_share = panel_task(&props.live, &panel, &failed, move |state| {
        let files_kept = replay.borrow().files_kept;
        async move {
            match link_for(state).await? {
                Panel::Link { url, without_events, .. } => {
                    let copied = share::copy(&url).await;
                    Ok(Panel::Link { url, copied, without_events, files_kept })
                }
                other => Ok(other),
            }
        }
    });
    let on_embed = panel_task(&props.live, &panel, &failed, |state| async move {
        Ok(Panel::Embed { fragment: share::fragment_for(&state).await? })
    });
    let on_download = {
        let live = props.live.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(state) = live.read() {
                files::download(&state);
            }
        })
    };
    let on_upload = {
        let (on_load, on_notice) = (props.on_load.clone(), props.on_notice.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
            input.set_value("");
            let (on_load, on_notice) = (on_load.clone(), on_notice.clone());
            yew::platform::spawn_local(async move {
                match files::upload(file).await {
                    Ok(state) => {
                        on_notice.emit(None);
                        on_load.emit(("State file opened".into(), state));
                    }
                    Err(reason) => on_notice.emit(Some(format!("This file could not be opened: {reason}."))),
                }
            });
        })
    };
    let on_reset = {
        let (on_load, on_notice, panel) = (props.on_load.clone(), props.on_notice.clone(), panel.clone());
        Callback::from(move |_: MouseEvent| {
            storage::forget();
            on_notice.emit(None);
            panel.set(Panel::Closed);
            on_load.emit(("Reset to the default sample".into(), PlaygroundState::default()));
        })
    };
    let (share_button, embed_button, dialog) = (use_node_ref(), use_node_ref(), use_node_ref());
    let opened_by = use_mut_ref(|| None::<web_sys::Element>);
    {
        // An opened panel takes the focus (its first control); a closed one gives it back to
        // the button that opened it.
        let (dialog, opened_by, opener) =
            (dialog.clone(), opened_by.clone(), opener_of(&panel, &share_button, &embed_button));
        use_effect_with(std::mem::discriminant(&*panel), move |_| match dialog.cast::<web_sys::Element>() {
            Some(dialog) => {
                focus(dialog.query_selector("input, textarea, button").ok().flatten());
                *opened_by.borrow_mut() = opener;
            }
            None => focus(opened_by.borrow_mut().take()),
        });
    }
    let close = {
        let panel = panel.clone();
        Callback::from(move |()| panel.set(Panel::Closed))
    };
    html! {
        <div class="share-bar">
            <button class="action" onclick={on_share} data-testid="share" ref={share_button}>{"Share link"}</button>
            <button class="action" onclick={on_embed} data-testid="embed" ref={embed_button}>{"Embed"}</button>
            <button class="action" onclick={on_download} data-testid="download-state" title="Save the request, context and events as a .json file">{"Download"}</button>
            <label class="file-pick action" title="Open a state saved with Download">
                {"Upload…"}
                <input type="file" accept=".json,application/json" onchange={on_upload} data-testid="upload-state" />
            </label>
            <button class="action" onclick={on_reset} data-testid="reset" title="Back to the default sample; forgets the state kept in this browser">{"Reset"}</button>
            { panel_view(&panel, &choice, close, dialog) }
        </div>
    }
}

/// The button a panel returns the focus to when it closes.
fn opener_of(panel: &Panel, share: &NodeRef, embed: &NodeRef) -> Option<web_sys::Element> {
    match panel {
        Panel::Embed { .. } => embed.cast(),
        _ => share.cast(),
    }
}

fn focus(element: Option<web_sys::Element>) {
    if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

fn panel_view(
    panel: &UseStateHandle<Panel>,
    choice: &UseStateHandle<EmbedChoice>,
    close: Callback<()>,
    dialog: NodeRef,
) -> Html {
    let body = match &**panel {
        Panel::Closed => return html! {},
        Panel::Link { url, copied, without_events, files_kept } => html! {
            <>
                <label for="share-link">{ if *copied { "Link copied. It holds the whole state after the #, which is never sent to a server:" } else { "Copy this link. It holds the whole state after the #, which is never sent to a server:" } }</label>
                <input id="share-link" readonly=true value={url.clone()} data-testid="share-link" />
                if *without_events {
                    <p class="hint" data-testid="share-without-events">{"The events are left out: with them the link would be too long. Download the state to keep them."}</p>
                }
                if *files_kept {
                    <p class="hint" data-testid="share-files-kept">{"The events from your files are not in the link: files over 256 KB, or gzipped, stay on this computer."}</p>
                }
            </>
        },
        Panel::TooLarge { chars } => html! {
            <p data-testid="share-too-large">
                {format!("This state is too large for a link ({} KB; links are kept under {} KB). Download it as a .json file and share the file; open it with Upload.", chars >> 10, MAX_LINK_CHARS >> 10)}
            </p>
        },
        Panel::Embed { fragment } => embed_view(fragment, choice),
    };
    let onkeydown = {
        let close = close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                close.emit(());
            }
        })
    };
    html! {
        <div class="share-panel" role="dialog" aria-label="Share" ref={dialog} {onkeydown}>
            { body }
            <button class="fix" onclick={close.reform(|_: MouseEvent| ())} data-testid="share-close">{"Close"}</button>
        </div>
    }
}

fn embed_view(fragment: &str, choice: &UseStateHandle<EmbedChoice>) -> Html {
    let current = **choice;
    let toggle = |set: fn(&mut EmbedChoice, bool)| {
        let choice = choice.clone();
        Callback::from(move |e: Event| {
            let mut next = *choice;
            set(&mut next, e.target_unchecked_into::<HtmlInputElement>().checked());
            choice.set(next);
        })
    };
    let on_theme = {
        let choice = choice.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            choice.set(EmbedChoice { theme: Theme::parse(&value), ..*choice });
        })
    };
    let snippet = current.snippet(fragment);
    let copy = {
        let snippet = snippet.clone();
        Callback::from(move |_: MouseEvent| {
            let snippet = snippet.clone();
            yew::platform::spawn_local(async move {
                share::copy(&snippet).await;
            });
        })
    };
    html! {
        <>
            <div class="embed-options">
                <label><input type="checkbox" checked={current.read_only} onchange={toggle(|c, v| c.read_only = v)} data-testid="embed-readonly" />{" read-only editor"}</label>
                <label><input type="checkbox" checked={current.replay} onchange={toggle(|c, v| c.replay = v)} data-testid="embed-replay" />{" replay panel"}</label>
                <label>{"theme "}
                    <select onchange={on_theme} data-testid="embed-theme">
                        <option value="system" selected={current.theme.is_none()}>{"system"}</option>
                        { for Theme::ALL.map(|t| html! { <option value={t.as_str()} selected={current.theme == Some(t)}>{t.as_str()}</option> }) }
                    </select>
                </label>
            </div>
            <label for="embed-code">{"Paste this into your page (the README lists the parameters):"}</label>
            <textarea id="embed-code" readonly=true rows="3" value={snippet} data-testid="embed-code" />
            <button class="action" onclick={copy} data-testid="copy-embed">{"Copy embed code"}</button>
        </>
    }
}
