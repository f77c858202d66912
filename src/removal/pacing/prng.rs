//! The seeded generator every pacing draw comes from (SplitMix64), kept in
//! the queue's stored state.

use super::*;

/// A seeded pseudo-random generator (SplitMix64): tiny, fast, and its whole
/// state one `u64`, so it serializes with the queue and a restored queue
/// draws exactly what the original would have.
///
/// It serializes as a 16-digit hex string rather than a number: JavaScript
/// numbers hold integers exactly only up to 2^53, and the state must survive
/// any trip through the background's storage bit for bit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prng {
    state: u64,
}

impl Prng {
    /// A generator seeded with `seed` (the background takes it from
    /// `crypto.getRandomValues`; tests pick one).
    pub fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        // Steele, Lea and Flood's SplitMix64 (as in java.util.SplittableRandom).
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A uniform number in (0, 1]: never 0, so its logarithm is finite.
    pub fn unit(&mut self) -> f64 {
        ((self.next_u64() >> 11) + 1) as f64 / (1u64 << 53) as f64
    }

    /// A uniform integer in `low..=high` (`low` when `high < low`).
    pub fn between(&mut self, low: u64, high: u64) -> u64 {
        if high <= low {
            return low;
        }
        let span = u128::from(high - low) + 1;
        // Lemire's multiply-shift: no modulo bias worth the name.
        low + ((u128::from(self.next_u64()) * span) >> 64) as u64
    }

    /// A standard normal number, by Marsaglia's polar method (the second
    /// value is dropped so the state stays one `u64`). Unlike Box-Muller it
    /// needs no cosine, whose range reduction was the largest piece of libm
    /// in the `.wasm`. A point is accepted with probability π/4; should 64
    /// draws in a row miss, which no generator worth the name does, the
    /// answer is the median, 0.
    pub fn normal(&mut self) -> f64 {
        for _ in 0..64 {
            let u = 2.0 * self.unit() - 1.0;
            let v = 2.0 * self.unit() - 1.0;
            let s = u * u + v * v;
            if s > 0.0 && s < 1.0 {
                return u * (-2.0 * s.ln() / s).sqrt();
            }
        }
        0.0
    }
}

impl Serialize for Prng {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&format!("{:016x}", self.state))
    }
}

impl<'de> Deserialize<'de> for Prng {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        u64::from_str_radix(&text, 16)
            .map(Prng::new)
            .map_err(|_| serde::de::Error::custom("the generator state is not a hex number"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prng_is_reproducible_and_round_trips_as_hex() {
        let mut a = Prng::new(7);
        let mut b = Prng::new(7);
        assert_eq!(a.next_u64(), b.next_u64());
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(json.len(), 18, "{json}");
        let mut back: Prng = serde_json::from_str(&json).unwrap();
        assert_eq!(back.next_u64(), a.next_u64());
        assert!(serde_json::from_str::<Prng>("\"not hex\"").is_err());
    }

    #[test]
    fn between_stays_in_range_and_reaches_both_ends() {
        let mut rng = Prng::new(1);
        let draws: Vec<u64> = (0..1000).map(|_| rng.between(4, 8)).collect();
        assert!(draws.iter().all(|d| (4..=8).contains(d)));
        assert!(draws.contains(&4) && draws.contains(&8));
        assert_eq!(rng.between(5, 5), 5);
        assert_eq!(rng.between(9, 3), 9);
    }

    #[test]
    fn normal_draws_have_the_standard_moments_and_tails() {
        let mut rng = Prng::new(2026);
        let n = 200_000;
        let draws: Vec<f64> = (0..n).map(|_| rng.normal()).collect();
        assert!(draws.iter().all(|z| z.is_finite()));
        let mean = draws.iter().sum::<f64>() / n as f64;
        let variance = draws.iter().map(|z| (z - mean).powi(2)).sum::<f64>() / n as f64;
        assert!(mean.abs() < 0.01, "mean {mean}");
        assert!((variance - 1.0).abs() < 0.02, "variance {variance}");
        // About 15.87 % beyond one standard deviation on each side, 2.28 %
        // beyond two.
        let share =
            |f: &dyn Fn(f64) -> bool| draws.iter().filter(|z| f(**z)).count() as f64 / n as f64;
        assert!((share(&|z| z > 1.0) - 0.1587).abs() < 0.005);
        assert!((share(&|z| z < -1.0) - 0.1587).abs() < 0.005);
        assert!((share(&|z| z > 2.0) - 0.0228).abs() < 0.002);
    }
}
