//! The compaction key map: key hash -> latest offset, in a fixed memory budget.
//!
//! Kafka's `SkimpyOffsetMap` stores an MD5 of each key; this one stores a 128-bit xxh3 hash
//! (`twox-hash`), so memory does not depend on key sizes: 24 bytes a slot. Two keys with the
//! same hash count as one key, as in Kafka; at 128 bits that never happens in practice.
//!
//! Invariants:
//! - the table never holds more than [`OffsetMap::max_entries`] keys (3/4 of its slots, so
//!   linear probing stays short); a `put` of a new key into a full map that cannot grow is
//!   refused, and the caller ends its round there and cleans the rest in a later pass;
//! - the table starts small and doubles as keys come, so a partition with few keys costs little
//!   memory and few cache misses; it never grows past the budget given at construction, counting
//!   the old and the new table while it grows, so compacting a partition far larger than memory
//!   works in passes.

use twox_hash::XxHash3_128;

/// The hash the map stores for a key.
#[inline]
pub fn key_hash(key: &[u8]) -> u128 {
    XxHash3_128::oneshot(key)
}

#[derive(Clone, Copy)]
struct Slot {
    lo: u64,
    hi: u64,
    /// -1 marks an empty slot (offsets are never negative).
    offset: i64,
}

const EMPTY: Slot = Slot { lo: 0, hi: 0, offset: -1 };

/// Bytes one slot takes.
pub const SLOT_BYTES: usize = std::mem::size_of::<Slot>();

/// The smallest table the map builds (a handful of keys per round would be silly).
const MIN_SLOTS: usize = 64;
/// The table a round starts with at most; it doubles from there as keys come.
const START_SLOTS: usize = 1 << 16;

pub struct OffsetMap {
    slots: Vec<Slot>,
    /// `slots.len()`, the table's size.
    capacity: usize,
    len: usize,
    budget_slots: usize,
}

impl OffsetMap {
    /// A map that will never use more than `budget_bytes` for its tables (at least a few slots).
    /// Nothing is allocated until [`OffsetMap::reset`].
    pub fn with_budget(budget_bytes: usize) -> OffsetMap {
        OffsetMap { slots: Vec::new(), capacity: 0, len: 0, budget_slots: (budget_bytes / SLOT_BYTES).max(4) }
    }

    /// Empties the map for a round that expects at most about `expected_keys` keys.
    pub fn reset(&mut self, expected_keys: usize) {
        let want = expected_keys.saturating_mul(4) / 3 + 1;
        let capacity = want.clamp(MIN_SLOTS, START_SLOTS).min(self.budget_slots);
        if self.slots.len() == capacity {
            self.slots.fill(EMPTY);
        } else {
            // A fresh table: a larger one from an earlier round would count against the budget.
            self.slots = vec![EMPTY; capacity];
        }
        self.capacity = capacity;
        self.len = 0;
    }

    /// Doubles the table if the budget allows the old and the new one side by side.
    fn grow(&mut self) -> bool {
        let new_capacity = (self.capacity * 2).min(self.budget_slots - self.capacity.min(self.budget_slots));
        if new_capacity <= self.capacity {
            return false;
        }
        let old = std::mem::replace(&mut self.slots, vec![EMPTY; new_capacity]);
        self.capacity = new_capacity;
        self.len = 0;
        for s in old.iter().filter(|s| s.offset >= 0) {
            self.put(((s.hi as u128) << 64) | s.lo as u128, s.offset);
        }
        true
    }

    /// The most keys the map holds this round.
    pub fn max_entries(&self) -> usize {
        (self.capacity * 3 / 4).max(1)
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Bytes of the table this round.
    pub fn table_bytes(&self) -> usize {
        self.capacity * SLOT_BYTES
    }

    #[inline]
    fn home(&self, lo: u64) -> usize {
        // Lemire's fast range reduction: uniform over any table size.
        ((lo as u128 * self.capacity as u128) >> 64) as usize
    }

    /// Records `offset` as the latest for the key with hash `h`. Returns false (and changes
    /// nothing) when the key is new and the map is full.
    #[inline]
    pub fn put(&mut self, h: u128, offset: i64) -> bool {
        debug_assert!(offset >= 0 && self.capacity > 0);
        let (lo, hi) = (h as u64, (h >> 64) as u64);
        let mut i = self.home(lo);
        let max = self.max_entries();
        loop {
            let s = &mut self.slots[i];
            if s.offset < 0 {
                if self.len >= max {
                    return self.grow() && self.put(h, offset);
                }
                *s = Slot { lo, hi, offset };
                self.len += 1;
                return true;
            }
            if s.lo == lo && s.hi == hi {
                s.offset = s.offset.max(offset);
                return true;
            }
            i += 1;
            if i == self.capacity {
                i = 0;
            }
        }
    }

    /// The latest offset recorded for the key with hash `h`.
    #[inline]
    pub fn get(&self, h: u128) -> Option<i64> {
        if self.capacity == 0 {
            return None;
        }
        let (lo, hi) = (h as u64, (h >> 64) as u64);
        let mut i = self.home(lo);
        loop {
            let s = &self.slots[i];
            if s.offset < 0 {
                return None;
            }
            if s.lo == lo && s.hi == hi {
                return Some(s.offset);
            }
            i += 1;
            if i == self.capacity {
                i = 0;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_latest_offset_per_key_and_refuses_new_keys_when_full() {
        let mut m = OffsetMap::with_budget(100 * SLOT_BYTES);
        m.reset(1_000_000);
        assert_eq!(m.table_bytes(), 100 * SLOT_BYTES, "never beyond the budget");
        let max = m.max_entries();
        assert_eq!(max, 75, "no room to grow: the old and new tables would not both fit");
        for i in 0..max {
            assert!(m.put(key_hash(format!("k{}", i).as_bytes()), i as i64));
        }
        assert!(!m.put(key_hash(b"one too many"), 1000), "full");
        assert_eq!(m.get(key_hash(b"one too many")), None);
        // Known keys still update when the map is full.
        assert!(m.put(key_hash(b"k3"), 500));
        assert_eq!(m.get(key_hash(b"k3")), Some(500));
        assert!(m.put(key_hash(b"k3"), 7), "an older offset does not win");
        assert_eq!(m.get(key_hash(b"k3")), Some(500));
        assert_eq!(m.len(), max);
        m.reset(10);
        assert!(m.is_empty());
        assert_eq!(m.get(key_hash(b"k3")), None, "reset empties the map");
        assert_eq!(m.table_bytes(), MIN_SLOTS * SLOT_BYTES);
    }

    #[test]
    fn the_table_grows_from_small_within_the_budget() {
        let budget = 4 << 20;
        let mut m = OffsetMap::with_budget(budget);
        m.reset(usize::MAX);
        assert_eq!(m.table_bytes(), START_SLOTS * SLOT_BYTES, "starts small");
        let mut n = 0i64;
        while m.put(key_hash(&n.to_be_bytes()), n) {
            n += 1;
        }
        // Grown to the largest doubling whose old table fits beside it in the budget.
        let slots = budget / SLOT_BYTES;
        assert!(m.table_bytes() * 3 / 2 <= budget, "{} of {}", m.table_bytes(), budget);
        assert!(m.table_bytes() * 3 > slots * SLOT_BYTES, "did not grow far enough: {}", m.table_bytes());
        assert_eq!(n as usize, m.max_entries());
        for i in 0..n {
            assert_eq!(m.get(key_hash(&i.to_be_bytes())), Some(i), "lost in a rehash");
        }
        assert_eq!(m.get(key_hash(b"absent")), None);
    }
}
