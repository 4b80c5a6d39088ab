//! Scores gathered for a few of many items (clusters, renderings) in one lookup, in a
//! dense array reused across lookups: a lookup visits and resets only the items it
//! touched, where a hash map per lookup cost more than the scoring itself.

use std::ops::AddAssign;

pub struct Scores<T> {
    score: Vec<T>,
    touched: Vec<u32>,
}

impl<T: Copy + Default + PartialEq + AddAssign> Scores<T> {
    /// Room for items `0..n`.
    pub fn new(n: usize) -> Self {
        Scores {
            score: vec![T::default(); n],
            touched: Vec::new(),
        }
    }

    pub fn add(&mut self, item: u32, x: T) {
        let s = &mut self.score[item as usize];
        if *s == T::default() {
            self.touched.push(item);
        }
        *s += x;
    }

    /// The scores gathered, in the order the items were first touched, reset for the
    /// next lookup.
    pub fn drain(&mut self) -> impl Iterator<Item = (T, u32)> + '_ {
        let score = &mut self.score;
        self.touched
            .drain(..)
            .map(move |i| (std::mem::take(&mut score[i as usize]), i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drains_what_was_added_and_starts_again_empty() {
        let mut s = Scores::new(10);
        s.add(7, 1.5);
        s.add(2, 1.0);
        s.add(7, 0.5);
        assert_eq!(s.drain().collect::<Vec<_>>(), vec![(2.0, 7), (1.0, 2)]);
        assert_eq!(s.drain().count(), 0);
        s.add(2, 3.0);
        assert_eq!(s.drain().collect::<Vec<_>>(), vec![(3.0, 2)]);
    }
}
