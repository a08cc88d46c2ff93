//! Mounts the explorer. Everything else lives in the library.

fn main() {
    // Logs a panic to the console and shows an error panel with a Reload button.
    incident_explorer::ui::panic_panel::install();
    leptos::mount::mount_to_body(incident_explorer::ui::app::App);
}
