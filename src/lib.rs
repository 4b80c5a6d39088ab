//! quotetrace traces quotes through the news.
//!
//! The pipeline runs one way; each stage is a plain function of what the stage before
//! produced, and only the first and last touch files:
//!
//! ```text
//! corpus::load      paths            -> Corpus { articles }
//! quotes::extract   &[Article]       -> Vec<Quote>       (quote spans, speakers, kinds)
//! variants::cluster &[Quote]         -> Vec<Cluster>     (renderings of one utterance)
//! drift::audit      quotes, clusters -> Vec<Finding>     (how each variant departs)
//! provenance::build articles, ...    -> Graph            (who appears to copy whom)
//! render::*         any of the above -> DOT, JSON, text
//! ```
//!
//! ```
//! use quotetrace::{corpus, quotes};
//! let article = corpus::article_from_text("a1", "\"We are ready,\" Maduro said.");
//! let found = quotes::extract(&[article]);
//! assert_eq!(found[0].text, "We are ready,");
//! assert_eq!(found[0].speaker.as_deref(), Some("Maduro"));
//! ```

pub mod align;
pub mod corpus;
pub mod drift;
pub mod error;
pub mod evaluate;
pub mod memory;
pub mod pipeline;
pub mod provenance;
pub mod quotes;
pub mod render;
pub mod sparse;
pub mod text;
pub mod variants;

pub use error::{Error, Result};
