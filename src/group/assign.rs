//! Partition assignment strategies, as pure functions of the members, their subscriptions, the
//! topics' partition counts and (for the sticky strategies) the previous assignment.
//!
//! - `range`: per topic, consecutive partition ranges to the subscribed members in member-id
//!   order, the first `partitions % members` getting one extra (Kafka's RangeAssignor).
//! - `roundrobin`: all topic-partitions in (topic, partition) order dealt to the subscribed
//!   members in turn (Kafka's RoundRobinAssignor).
//! - `sticky` and `cooperative-sticky`: keep every partition where it was, as long as the
//!   assignment stays balanced (no member holds two more than another that could take one);
//!   new or orphaned partitions go to the least-loaded eligible member. The two differ in the
//!   rebalance protocol, not here: eager members give up all partitions at every rebalance,
//!   cooperative members only those that move.
//!
//! Every function is deterministic: members and partitions are visited in sorted order.

use std::collections::{BTreeMap, BTreeSet};

use crate::TopicPartition;
/// Member id -> its partitions, sorted.
pub type Assignment = BTreeMap<String, Vec<TopicPartition>>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strategy {
    Range,
    RoundRobin,
    Sticky,
    CooperativeSticky,
}

impl Strategy {
    pub fn parse(s: &str) -> Option<Strategy> {
        Some(match s {
            "range" => Strategy::Range,
            "roundrobin" => Strategy::RoundRobin,
            "sticky" => Strategy::Sticky,
            "cooperative-sticky" => Strategy::CooperativeSticky,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Strategy::Range => "range",
            Strategy::RoundRobin => "roundrobin",
            Strategy::Sticky => "sticky",
            Strategy::CooperativeSticky => "cooperative-sticky",
        }
    }

    /// Cooperative members keep the partitions that do not move through a rebalance.
    pub fn is_cooperative(self) -> bool {
        self == Strategy::CooperativeSticky
    }
}

/// Computes an assignment. `members` maps member id to its subscribed topics; `partitions` maps
/// topic to partition count (topics missing from it are not assigned).
pub fn assign(
    strategy: Strategy,
    members: &BTreeMap<String, BTreeSet<String>>,
    partitions: &BTreeMap<String, i32>,
    previous: &Assignment,
) -> Assignment {
    let mut out: Assignment = members.keys().map(|m| (m.clone(), Vec::new())).collect();
    match strategy {
        Strategy::Range => {
            for (topic, &n) in partitions {
                let subs: Vec<&String> = members.iter().filter(|(_, s)| s.contains(topic)).map(|(m, _)| m).collect();
                if subs.is_empty() {
                    continue;
                }
                let (per, extra) = (n as usize / subs.len(), n as usize % subs.len());
                for (i, m) in subs.iter().enumerate() {
                    let start = i * per + i.min(extra);
                    let len = per + usize::from(i < extra);
                    let list = out.get_mut(*m).expect("every member has an entry");
                    list.extend((start..start + len).map(|p| TopicPartition::new(topic.clone(), p as i32)));
                }
            }
        }
        Strategy::RoundRobin => {
            let ids: Vec<&String> = members.keys().collect();
            let mut next = 0usize;
            for (topic, &n) in partitions {
                for p in 0..n {
                    // The next member in turn that subscribes to this topic.
                    for step in 0..ids.len() {
                        let m = ids[(next + step) % ids.len()];
                        if members[m].contains(topic) {
                            out.get_mut(m).expect("member").push(TopicPartition::new(topic.clone(), p));
                            next = (next + step + 1) % ids.len();
                            break;
                        }
                    }
                }
            }
        }
        Strategy::Sticky | Strategy::CooperativeSticky => sticky(members, partitions, previous, &mut out),
    }
    for list in out.values_mut() {
        list.sort();
    }
    out
}

fn sticky(
    members: &BTreeMap<String, BTreeSet<String>>,
    partitions: &BTreeMap<String, i32>,
    previous: &Assignment,
    out: &mut Assignment,
) {
    let all: BTreeSet<TopicPartition> =
        partitions.iter().flat_map(|(t, &n)| (0..n).map(move |p| TopicPartition::new(t.clone(), p))).collect();
    let eligible = |m: &str, tp: &TopicPartition| members.get(m).is_some_and(|s| s.contains(&tp.topic));
    // 1. Keep what each surviving member had, if it still exists and is still subscribed.
    let mut taken: BTreeSet<TopicPartition> = BTreeSet::new();
    for (m, tps) in previous {
        if !members.contains_key(m) {
            continue;
        }
        for tp in tps {
            if all.contains(tp) && eligible(m, tp) && taken.insert(tp.clone()) {
                out.get_mut(m).expect("member").push(tp.clone());
            }
        }
    }
    // 2. Give every unassigned partition to the least-loaded eligible member.
    for tp in all.iter().filter(|tp| !taken.contains(*tp)) {
        let target = out.iter().filter(|(m, _)| eligible(m, tp)).min_by_key(|(m, l)| (l.len(), (*m).clone()));
        if let Some((m, _)) = target {
            let m = m.clone();
            out.get_mut(&m).expect("member").push(tp.clone());
        }
    }
    // 3. Balance: move partitions from the most to the least loaded member that may take them,
    //    while the difference is more than one.
    loop {
        let mut moved = false;
        let mut order: Vec<(usize, String)> = out.iter().map(|(m, l)| (l.len(), m.clone())).collect();
        order.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        'outer: for (len_a, a) in &order {
            for (len_b, b) in order.iter().rev() {
                if len_b + 1 >= *len_a {
                    break;
                }
                let candidate = out[a].iter().rev().find(|tp| eligible(b, tp)).cloned();
                if let Some(tp) = candidate {
                    out.get_mut(a).expect("member").retain(|x| *x != tp);
                    out.get_mut(b).expect("member").push(tp);
                    moved = true;
                    break 'outer;
                }
            }
        }
        if !moved {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn members(spec: &[(&str, &[&str])]) -> BTreeMap<String, BTreeSet<String>> {
        spec.iter().map(|(m, ts)| (m.to_string(), ts.iter().map(|t| t.to_string()).collect())).collect()
    }

    fn parts(spec: &[(&str, i32)]) -> BTreeMap<String, i32> {
        spec.iter().map(|(t, n)| (t.to_string(), *n)).collect()
    }

    fn show(a: &Assignment) -> Vec<String> {
        a.iter()
            .map(|(m, l)| {
                format!(
                    "{}:{}",
                    m,
                    l.iter().map(|tp| format!("{}{}", tp.topic, tp.partition)).collect::<Vec<_>>().join(",")
                )
            })
            .collect()
    }

    #[test]
    fn range_matches_kafkas_example() {
        // Kafka's RangeAssignor doc: C0, C1 on t0, t1 with 3 partitions each.
        let m = members(&[("c0", &["t0", "t1"]), ("c1", &["t0", "t1"])]);
        let a = assign(Strategy::Range, &m, &parts(&[("t0", 3), ("t1", 3)]), &Assignment::new());
        assert_eq!(show(&a), vec!["c0:t00,t01,t10,t11", "c1:t02,t12"]);
    }

    #[test]
    fn roundrobin_matches_kafkas_example() {
        // Kafka's RoundRobinAssignor doc: the same input gives C0 t0p0 t0p2 t1p1, C1 t0p1 t1p0 t1p2.
        let m = members(&[("c0", &["t0", "t1"]), ("c1", &["t0", "t1"])]);
        let a = assign(Strategy::RoundRobin, &m, &parts(&[("t0", 3), ("t1", 3)]), &Assignment::new());
        assert_eq!(show(&a), vec!["c0:t00,t02,t11", "c1:t01,t10,t12"]);
    }

    #[test]
    fn roundrobin_skips_members_not_subscribed() {
        let m = members(&[("a", &["x"]), ("b", &["x", "y"])]);
        let a = assign(Strategy::RoundRobin, &m, &parts(&[("x", 2), ("y", 2)]), &Assignment::new());
        assert_eq!(show(&a), vec!["a:x0", "b:x1,y0,y1"]);
    }

    #[test]
    fn sticky_keeps_partitions_where_they_were() {
        let two = members(&[("a", &["t"]), ("b", &["t"])]);
        let p = parts(&[("t", 6)]);
        let first = assign(Strategy::Sticky, &two, &p, &Assignment::new());
        assert_eq!(show(&first), vec!["a:t0,t2,t4", "b:t1,t3,t5"]);
        // A third member joins: each old member gives up exactly one partition.
        let three = members(&[("a", &["t"]), ("b", &["t"]), ("c", &["t"])]);
        let second = assign(Strategy::Sticky, &three, &p, &first);
        assert_eq!(second["c"].len(), 2);
        for m in ["a", "b"] {
            assert_eq!(second[m].len(), 2);
            assert!(second[m].iter().all(|tp| first[m].contains(tp)), "{} moved partitions it kept", m);
        }
        // b leaves: a and c keep theirs and share b's.
        let two_again = members(&[("a", &["t"]), ("c", &["t"])]);
        let third = assign(Strategy::CooperativeSticky, &two_again, &p, &second);
        assert_eq!(third["a"].len() + third["c"].len(), 6);
        assert!(second["a"].iter().all(|tp| third["a"].contains(tp)));
        assert!(second["c"].iter().all(|tp| third["c"].contains(tp)));
        assert_eq!(third["a"].len(), 3);
    }

    #[test]
    fn more_members_than_partitions_leaves_some_idle() {
        let m = members(&[("a", &["t"]), ("b", &["t"]), ("c", &["t"])]);
        for s in [Strategy::Range, Strategy::RoundRobin, Strategy::Sticky] {
            let a = assign(s, &m, &parts(&[("t", 2)]), &Assignment::new());
            let total: usize = a.values().map(Vec::len).sum();
            assert_eq!(total, 2, "{:?}", s);
            assert!(a.values().all(|l| l.len() <= 1), "{:?}", s);
        }
    }
}
