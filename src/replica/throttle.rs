//! A byte-rate limit for copies between brokers (Kafka's replication throttle, as
//! kafka-reassign-partitions `--throttle` sets it).

use std::time::{Duration, Instant};

/// Paces a copy to at most `bytes_per_sec`, averaged from its start.
#[derive(Debug, Clone)]
pub struct Throttle {
    bytes_per_sec: u64,
    start: Instant,
    sent: u64,
}

impl Throttle {
    /// A throttle starting now; `bytes_per_sec` must be at least 1.
    pub fn new(bytes_per_sec: u64) -> Throttle {
        Throttle::starting_at(bytes_per_sec, Instant::now())
    }

    fn starting_at(bytes_per_sec: u64, start: Instant) -> Throttle {
        Throttle { bytes_per_sec: bytes_per_sec.max(1), start, sent: 0 }
    }

    /// Counts `n` more bytes copied at `now`; returns how long to wait before copying more so
    /// that the bytes so far stay within the rate.
    pub fn pace(&mut self, n: u64, now: Instant) -> Duration {
        self.sent = self.sent.saturating_add(n);
        let due = Duration::from_secs_f64(self.sent as f64 / self.bytes_per_sec as f64);
        due.saturating_sub(now.saturating_duration_since(self.start))
    }

    /// [`Throttle::pace`], then waits that long.
    pub fn wait(&mut self, n: u64) {
        let d = self.pace(n, Instant::now());
        if !d.is_zero() {
            std::thread::sleep(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_only_for_what_runs_ahead_of_the_rate() {
        let t0 = Instant::now();
        let mut t = Throttle::starting_at(1000, t0);
        // 500 bytes at once: half a second ahead.
        assert_eq!(t.pace(500, t0), Duration::from_millis(500));
        // 500 more 200 ms in: due at 1 s, so 800 ms to wait.
        assert_eq!(t.pace(500, t0 + Duration::from_millis(200)), Duration::from_millis(800));
        // Behind the rate (2 s in, 1000 bytes sent): no wait.
        assert_eq!(t.pace(0, t0 + Duration::from_secs(2)), Duration::ZERO);
        // A rate of 0 is taken as 1 byte/s, never a division by zero.
        let mut z = Throttle::starting_at(0, t0);
        assert_eq!(z.pace(2, t0), Duration::from_secs(2));
    }
}
