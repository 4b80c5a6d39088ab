//! Writers. Every stage returns data; these turn it into text for people, JSON for
//! programs and DOT for Graphviz, and never compute anything of their own.

pub mod csv;
pub mod dot;
pub mod graphml;
pub mod html;
pub mod json;
pub mod text;
