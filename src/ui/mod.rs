//! The Yew front end. It fetches, hands bytes to the core, and shows what the core computed; it never computes pay.

pub mod actions;
pub mod app;
pub mod browser;
pub mod clock;
pub mod compact;
pub mod components;
pub mod crash;
pub mod explorer;
pub mod format;
pub mod handoff;
pub mod hooks;
pub mod load;
pub mod markup;
pub mod mount;
pub mod state;
pub mod storage;
pub mod sync;
pub mod url;
