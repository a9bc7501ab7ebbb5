//! The words every layer shares, as types: a topic-partition, a leader epoch, a controller
//! epoch. Each keeps the form Kafka and klog's files always had on disk and in JSON.

/// A partition of a topic: Kafka's TopicPartition. Ordered by topic, then partition; written in
/// JSON as `["topic", partition]` (the form klog's group state has always used); shown as
/// `topic-partition`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(from = "(String, i32)", into = "(String, i32)")]
pub struct TopicPartition {
    pub topic: String,
    pub partition: i32,
}

impl TopicPartition {
    pub fn new(topic: impl Into<String>, partition: i32) -> TopicPartition {
        TopicPartition { topic: topic.into(), partition }
    }
}

impl From<(String, i32)> for TopicPartition {
    fn from((topic, partition): (String, i32)) -> TopicPartition {
        TopicPartition { topic, partition }
    }
}

impl From<TopicPartition> for (String, i32) {
    fn from(tp: TopicPartition) -> (String, i32) {
        (tp.topic, tp.partition)
    }
}

impl std::fmt::Display for TopicPartition {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}", self.topic, self.partition)
    }
}

/// A controller epoch: it grows by one with every controller election, and a change decided
/// under an older one is rejected (Kafka's controller epoch). Written as a plain number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct ControllerEpoch(pub i32);

impl ControllerEpoch {
    /// The epoch after this one; None past `i32::MAX`.
    pub fn next(self) -> Option<ControllerEpoch> {
        self.0.checked_add(1).map(ControllerEpoch)
    }
}

impl std::fmt::Display for ControllerEpoch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// A leader epoch: it grows by one with every change of a partition's leader, and a leader
/// acting under an older one is fenced (Kafka's leader epoch). Written as a plain number; in
/// record batches and the leader-epoch checkpoint it is Kafka's `int32`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct LeaderEpoch(pub i32);

impl LeaderEpoch {
    /// The epoch after this one (a leader epoch never reaches `i32::MAX` in practice; it
    /// saturates there rather than wrap).
    pub fn next(self) -> LeaderEpoch {
        LeaderEpoch(self.0.saturating_add(1))
    }
}

impl std::fmt::Display for LeaderEpoch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn topic_partitions_keep_the_json_form_and_order_of_the_pairs_they_replace() {
        let tp = super::TopicPartition::new("orders", 3);
        assert_eq!(serde_json::to_string(&tp).unwrap(), r#"["orders",3]"#);
        let back: super::TopicPartition = serde_json::from_str(r#"["orders",3]"#).unwrap();
        assert_eq!(back, tp);
        assert_eq!(tp.to_string(), "orders-3");
        let mut v = [
            super::TopicPartition::new("b", 0),
            super::TopicPartition::new("a", 10),
            super::TopicPartition::new("a", 2),
        ];
        v.sort();
        assert_eq!(v.iter().map(|t| t.to_string()).collect::<Vec<_>>(), ["a-2", "a-10", "b-0"]);
    }

    #[test]
    fn controller_epochs_are_plain_numbers_on_disk() {
        let e = super::ControllerEpoch(3);
        assert_eq!(serde_json::to_string(&e).unwrap(), "3");
        assert_eq!(serde_json::from_str::<super::ControllerEpoch>("3").unwrap(), e);
        assert_eq!(e.next(), Some(super::ControllerEpoch(4)));
        assert_eq!(super::ControllerEpoch(i32::MAX).next(), None);
        assert_eq!(e.to_string(), "3");
    }

    #[test]
    fn leader_epochs_are_plain_numbers_on_disk() {
        let e = super::LeaderEpoch(7);
        assert_eq!(serde_json::to_string(&e).unwrap(), "7");
        assert_eq!(serde_json::from_str::<super::LeaderEpoch>("7").unwrap(), e);
        assert_eq!(e.next(), super::LeaderEpoch(8));
        assert!(super::LeaderEpoch(2) < super::LeaderEpoch(10));
    }
}
