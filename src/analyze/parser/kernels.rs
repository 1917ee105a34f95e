//! The few vector operations the network needs, written so that their results do not
//! depend on the machine: element-wise operations only (each lane rounds the same
//! whatever the vector width), and sums with a fixed order of partial sums. The
//! compiler vectorizes them; with AVX2 present, a second copy compiled for it is used.

use half::f16;

/// `y += a * x`, element by element.
#[inline]
pub fn axpy(y: &mut [f32], a: f32, x: &[f32]) {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has AVX2, checked just above.
            unsafe { axpy_avx2(y, a, x) };
            return;
        }
    }
    axpy_plain(y, a, x);
}

#[inline]
fn axpy_plain(y: &mut [f32], a: f32, x: &[f32]) {
    for (y, x) in y.iter_mut().zip(x) {
        *y += a * *x;
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn axpy_avx2(y: &mut [f32], a: f32, x: &[f32]) {
    // Multiply then add: two roundings, as in the plain version (no fused multiply-add).
    for (y, x) in y.iter_mut().zip(x) {
        *y += a * *x;
    }
}

/// `y += x`, element by element.
#[inline]
pub fn add(y: &mut [f32], x: &[f32]) {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has AVX2, checked just above.
            unsafe { add_avx2(y, x) };
            return;
        }
    }
    for (y, x) in y.iter_mut().zip(x) {
        *y += *x;
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn add_avx2(y: &mut [f32], x: &[f32]) {
    for (y, x) in y.iter_mut().zip(x) {
        *y += *x;
    }
}

/// `out = out + rows[0] + rows[1] + …` over half-precision rows, element by element and
/// in that order (each half converts to its exact `f32`, so the plain and the AVX2
/// versions give the same bits), a block of 64 elements at a time so that the partial
/// sums stay in registers instead of going to memory once per row.
#[inline]
pub fn add_half_rows(out: &mut [f32], rows: &[&[f16]]) {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx2")
            && std::arch::is_x86_feature_detected!("f16c")
        {
            // SAFETY: the CPU has AVX2 and F16C, checked just above.
            unsafe { add_half_rows_avx2(out, rows) };
            return;
        }
    }
    add_half_rows_plain(out, rows);
}

const BLOCK: usize = 64;

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,f16c")]
unsafe fn add_half_rows_avx2(out: &mut [f32], rows: &[&[f16]]) {
    use std::arch::x86_64::{
        __m128i, __m256, _mm_loadu_si128, _mm256_add_ps, _mm256_cvtph_ps, _mm256_loadu_ps,
        _mm256_storeu_ps,
    };
    let n = rows.iter().map(|r| r.len()).fold(out.len(), usize::min);
    let whole = n / BLOCK * BLOCK;
    for start in (0..whole).step_by(BLOCK) {
        let mut acc: [__m256; 8] = std::array::from_fn(|j| {
            // SAFETY: `start + 8j + 8 <= whole <= out.len()`.
            unsafe { _mm256_loadu_ps(out.as_ptr().add(start + 8 * j)) }
        });
        for row in rows {
            for (j, acc) in acc.iter_mut().enumerate() {
                // SAFETY: `start + 8j + 8 <= whole <= row.len()`; eight halves are 16 bytes.
                let halves =
                    unsafe { _mm_loadu_si128(row.as_ptr().add(start + 8 * j).cast::<__m128i>()) };
                *acc = _mm256_add_ps(*acc, _mm256_cvtph_ps(halves));
            }
        }
        for (j, acc) in acc.iter().enumerate() {
            // SAFETY: as for the loads.
            unsafe { _mm256_storeu_ps(out.as_mut_ptr().add(start + 8 * j), *acc) };
        }
    }
    add_half_tail(&mut out[whole..n], rows, whole);
}

fn add_half_rows_plain(out: &mut [f32], rows: &[&[f16]]) {
    let n = rows.iter().map(|r| r.len()).fold(out.len(), usize::min);
    let whole = n / BLOCK * BLOCK;
    for start in (0..whole).step_by(BLOCK) {
        let mut acc: [f32; BLOCK] = std::array::from_fn(|k| out[start + k]);
        for row in rows {
            for (acc, x) in acc.iter_mut().zip(&row[start..start + BLOCK]) {
                *acc += x.to_f32();
            }
        }
        out[start..start + BLOCK].copy_from_slice(&acc);
    }
    add_half_tail(&mut out[whole..n], rows, whole);
}

/// The elements past the last whole block, row after row.
fn add_half_tail(out: &mut [f32], rows: &[&[f16]], from: usize) {
    for row in rows {
        for (y, x) in out.iter_mut().zip(&row[from..]) {
            *y += x.to_f32();
        }
    }
}

/// The dot product, summed in 32 lanes (four vectors of eight, so that additions do
/// not wait on one another) and then in a fixed order.
#[inline]
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has AVX2, checked just above.
            return unsafe { dot_avx2(a, b) };
        }
    }
    dot_plain(a, b)
}

const LANES: usize = 32;

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn dot_avx2(a: &[f32], b: &[f32]) -> f32 {
    use std::arch::x86_64::{
        __m256, _mm256_add_ps, _mm256_loadu_ps, _mm256_mul_ps, _mm256_setzero_ps, _mm256_storeu_ps,
    };
    let n = a.len().min(b.len());
    let whole = n / LANES * LANES;
    let mut acc: [__m256; 4] = [_mm256_setzero_ps(); 4];
    for start in (0..whole).step_by(LANES) {
        for (j, acc) in acc.iter_mut().enumerate() {
            let at = start + 8 * j;
            // SAFETY: `at + 8 <= whole <= n`, inside both slices.
            let (x, y) = unsafe {
                (
                    _mm256_loadu_ps(a.as_ptr().add(at)),
                    _mm256_loadu_ps(b.as_ptr().add(at)),
                )
            };
            // Multiply then add, as the plain version does (no fused multiply-add).
            *acc = _mm256_add_ps(*acc, _mm256_mul_ps(x, y));
        }
    }
    let mut lanes = [0f32; LANES];
    for (j, acc) in acc.iter().enumerate() {
        // SAFETY: lanes 8j..8j+8 are inside the 32-lane array.
        unsafe { _mm256_storeu_ps(lanes.as_mut_ptr().add(8 * j), *acc) };
    }
    for k in whole..n {
        lanes[k - whole] += a[k] * b[k];
    }
    reduce(&lanes)
}

fn dot_plain(a: &[f32], b: &[f32]) -> f32 {
    let n = a.len().min(b.len());
    let whole = n / LANES * LANES;
    let mut lanes = [0f32; LANES];
    for start in (0..whole).step_by(LANES) {
        for k in 0..LANES {
            lanes[k] += a[start + k] * b[start + k];
        }
    }
    for k in whole..n {
        lanes[k - whole] += a[k] * b[k];
    }
    reduce(&lanes)
}

/// The sum of 32 lanes in a fixed order.
fn reduce(l: &[f32; LANES]) -> f32 {
    let e: [f32; 8] = std::array::from_fn(|k| (l[k] + l[k + 8]) + (l[k + 16] + l[k + 24]));
    let q = [e[0] + e[4], e[1] + e[5], e[2] + e[6], e[3] + e[7]];
    (q[0] + q[2]) + (q[1] + q[3])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kernels_compute_what_they_say() {
        let x: Vec<f32> = (0..19).map(|k| k as f32 * 0.5).collect();
        let mut y = vec![1.0f32; 19];
        axpy(&mut y, 2.0, &x);
        assert_eq!(y[3], 4.0);
        add(&mut y, &x);
        assert_eq!(y[2], 4.0);
        let expected: f32 = x.iter().map(|v| v * v).sum();
        assert!((dot(&x, &x) - expected).abs() < 1e-3);
        let mut plain = vec![1.0f32; 19];
        axpy_plain(&mut plain, 0.3, &x);
        let mut fast = vec![1.0f32; 19];
        axpy(&mut fast, 0.3, &x);
        assert_eq!(plain, fast, "the same bits with or without AVX2");
        let long: Vec<f32> = (0..300).map(|k| (k as f32 * 0.37).sin()).collect();
        let other: Vec<f32> = (0..300).map(|k| (k as f32 * 0.11).cos()).collect();
        for n in [0, 7, 32, 45, 256, 300] {
            let (a, b) = (&long[..n], &other[..n]);
            assert_eq!(dot_plain(a, b).to_bits(), dot(a, b).to_bits(), "dot of {n}");
            let expected: f32 = a.iter().zip(b).map(|(x, y)| x * y).sum();
            assert!((dot(a, b) - expected).abs() < 1e-3);
        }
        let halves: Vec<f16> = long
            .iter()
            .chain(&other)
            .map(|&v| f16::from_f32(v))
            .collect();
        let rows: Vec<&[f16]> = vec![&halves[..150], &halves[300..450], &halves[150..300]];
        let mut one_by_one = vec![0.5f32; 150];
        for r in &rows {
            let r: Vec<f32> = r.iter().map(|h| h.to_f32()).collect();
            add(&mut one_by_one, &r);
        }
        let mut blocked = vec![0.5f32; 150];
        add_half_rows(&mut blocked, &rows);
        assert_eq!(one_by_one, blocked, "the same bits as one addition per row");
        let mut plain = vec![0.5f32; 150];
        add_half_rows_plain(&mut plain, &rows);
        assert_eq!(plain, blocked, "the same bits with or without AVX2");
        assert!((blocked[3] - (0.5 + long[3] + other[3] + long[153])).abs() < 1e-2);
    }
}
