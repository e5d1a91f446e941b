;; The noise stream of counterHash.ts / noise.ts as a WebAssembly SIMD kernel
;; (issue 16: 10^6 Gumbel samples in a few milliseconds instead of ~40).
;; `npm run kernel` assembles this file into gumbelKernelBinary.ts; a unit test
;; checks that the two agree. The results are bit-identical to the JavaScript
;; generator, fround(-Math.log(-Math.log(u))):
;;  - the hash is the same uint32 arithmetic, four indices at a time;
;;  - each log is a table-driven log (Tang 1990) in f64, two lanes at a time,
;;    accurate to about 2^-40 relative; the Gumbel value g is rounded to
;;    float32 from both ends of an error margin m = |g| 2^-36 + 2^-39 around it;
;;    where the two roundings differ (about 1 pair of values in 700), the pair
;;    is listed and JavaScript recomputes it with Math.log. Elsewhere the
;;    float32 is the one Math.log gives. The unit test checks all 2^23 uniforms.
;;  - the work goes in passes over a chunk held in fast cache: hash, -log,
;;    -log again, round; each loop keeps its constants in locals (V8 does not
;;    hoist v128 constants out of loops).
;;
;; Memory (bytes): 0 1/F_j and 8192 log F_j as f64 at 8j, for F_j = j/512,
;; j = 384..768 (filled by JavaScript with Math.log); the chunk's uniforms as
;; f64 at $U; its output as f32 at $OUT; the listed pairs at $FIX.
(module
  (memory (export "memory") 4)
  (global (export "chunk") i32 (i32.const 16384))
  (global $U (export "uniformsAt") i32 (i32.const 16384))
  (global $OUT (export "outputAt") i32 (i32.const 147456))
  (global $FIX (export "pairsAt") i32 (i32.const 212992))

  ;; counterHash.ts mixBits on four lanes. The shift by (s >>> 28) + 4 is a
  ;; different count per lane, which SIMD has not: shift by 4, then by 8, 4, 2
  ;; and 1 where the top four bits of s (the count − 4) say so.
  (func $mix (param $x v128) (result v128) (local $s v128) (local $v v128) (local $w v128)
    (local.set $s (i32x4.add
      (i32x4.mul (local.get $x) (v128.const i32x4 747796405 747796405 747796405 747796405))
      (v128.const i32x4 2891336453 2891336453 2891336453 2891336453)))
    (local.set $v (i32x4.shr_u (local.get $s) (i32.const 4)))
    (local.set $v (v128.bitselect (i32x4.shr_u (local.get $v) (i32.const 8)) (local.get $v)
      (i32x4.shr_s (local.get $s) (i32.const 31))))
    (local.set $v (v128.bitselect (i32x4.shr_u (local.get $v) (i32.const 4)) (local.get $v)
      (i32x4.shr_s (i32x4.shl (local.get $s) (i32.const 1)) (i32.const 31))))
    (local.set $v (v128.bitselect (i32x4.shr_u (local.get $v) (i32.const 2)) (local.get $v)
      (i32x4.shr_s (i32x4.shl (local.get $s) (i32.const 2)) (i32.const 31))))
    (local.set $v (v128.bitselect (i32x4.shr_u (local.get $v) (i32.const 1)) (local.get $v)
      (i32x4.shr_s (i32x4.shl (local.get $s) (i32.const 3)) (i32.const 31))))
    (local.set $w (i32x4.mul (v128.xor (local.get $v) (local.get $s))
      (v128.const i32x4 277803737 277803737 277803737 277803737)))
    (v128.xor (i32x4.shr_u (local.get $w) (i32.const 22)) (local.get $w)))

  ;; The top 23 bits of keyedHash(key, offset + i + lane) for lanes 0..3.
  (func $topBits (param $key v128) (param $first i32) (result v128)
    (i32x4.shr_u
      (call $mix (i32x4.add (local.get $key) (call $mix (v128.xor (local.get $key)
        (i32x4.add (i32x4.splat (local.get $first)) (v128.const i32x4 0 1 2 3))))))
      (i32.const 9)))

  ;; x <- -log x for the first size f64 at $U (rounded up to even), in place.
  ;; x = 2^e f with f in [0.75, 1.5), f = F_j (1 + r) with F_j = j/512 the
  ;; nearest table point, |r| <= 2^-9.58; log x = e log 2 + log F_j + log1p r,
  ;; log1p r ~ r - r^2/2 + r^3/3 - r^4/4 (truncation < r^5/5: 2^-40.6 relative
  ;; to r). r = f/F_j - 1 is exact at F_j = 1, where log x is near 0.
  (func $minusLog (param $size i32)
    (local $i i32) (local $x v128) (local $e v128) (local $f v128) (local $t v128)
    (local $r v128) (local $r2 v128) (local $j0 i32) (local $j1 i32)
    (local $halfMantissa v128) (local $exponentOne v128) (local $tableScale v128) (local $round v128)
    (local $exponentBits v128) (local $exponentBias v128) (local $ln2 v128) (local $one v128)
    (local $c2 v128) (local $c3 v128) (local $c4 v128)
    (local.set $halfMantissa (v128.const i64x2 0x0008000000000000 0x0008000000000000))
    (local.set $exponentOne (v128.const i64x2 0x3ff0000000000000 0x3ff0000000000000))
    (local.set $tableScale (v128.const f64x2 512 512))
    (local.set $round (v128.const f64x2 0x1.8p52 0x1.8p52))
    (local.set $exponentBits (v128.const i64x2 0x4330000000000000 0x4330000000000000))
    (local.set $exponentBias (v128.const f64x2 4503599627371519 4503599627371519))
    (local.set $ln2 (v128.const f64x2 0x1.62e42fefa39efp-1 0x1.62e42fefa39efp-1))
    (local.set $one (v128.const f64x2 1 1))
    (local.set $c2 (v128.const f64x2 -0.5 -0.5))
    (local.set $c3 (v128.const f64x2 0x1.5555555555555p-2 0x1.5555555555555p-2))
    (local.set $c4 (v128.const f64x2 -0.25 -0.25))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $size)))
      (local.set $x (v128.load offset=16384 (i32.shl (local.get $i) (i32.const 3))))
      ;; e + 1023: the biased exponent, one more when the mantissa is >= 1.5.
      (local.set $e (i64x2.shr_u (i64x2.add (local.get $x) (local.get $halfMantissa)) (i32.const 52)))
      (local.set $f (i64x2.add (i64x2.sub (local.get $x) (i64x2.shl (local.get $e) (i32.const 52)))
        (local.get $exponentOne)))
      ;; t = 1.5 2^52 + round(512 f): j sits in the low bits of t.
      (local.set $t (f64x2.add (f64x2.mul (local.get $f) (local.get $tableScale)) (local.get $round)))
      (local.set $j0 (i32.shl (i32x4.extract_lane 0 (local.get $t)) (i32.const 3)))
      (local.set $j1 (i32.shl (i32x4.extract_lane 2 (local.get $t)) (i32.const 3)))
      (local.set $r (f64x2.sub (f64x2.mul (local.get $f)
        (v128.load64_lane 1 (local.get $j1) (v128.load64_zero (local.get $j0)))) (local.get $one)))
      (local.set $r2 (f64x2.mul (local.get $r) (local.get $r)))
      (v128.store offset=16384 (i32.shl (local.get $i) (i32.const 3)) (f64x2.neg (f64x2.add
        (f64x2.add
          ;; e as f64: 2^52 + (e + 1023) spelled in bits, minus 2^52 + 1023.
          (f64x2.mul (f64x2.sub (v128.or (local.get $e) (local.get $exponentBits)) (local.get $exponentBias))
            (local.get $ln2))
          (v128.load64_lane offset=8192 1 (local.get $j1) (v128.load64_zero offset=8192 (local.get $j0))))
        (f64x2.add
          (f64x2.add (local.get $r)
            (f64x2.mul (local.get $r2) (f64x2.add (local.get $c2) (f64x2.mul (local.get $r) (local.get $c3)))))
          (f64x2.mul (f64x2.mul (local.get $r2) (local.get $r2)) (local.get $c4))))))
      (local.set $i (i32.add (local.get $i) (i32.const 2)))
      (br $next))))

  ;; Uniforms u = (k + 1/2) 2^-23 as f64 at $U for indices offset .. offset + size − 1,
  ;; written four at a time (up to three more than size).
  (func (export "hashUniforms") (param $key i32) (param $offset i32) (param $size i32)
    (local $i i32) (local $k v128) (local $h v128)
    (local.set $k (i32x4.splat (local.get $key)))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $size)))
      (local.set $h (call $topBits (local.get $k) (i32.add (local.get $offset) (local.get $i))))
      (v128.store offset=16384 (i32.shl (local.get $i) (i32.const 3))
        (f64x2.mul (f64x2.add (f64x2.convert_low_i32x4_s (local.get $h)) (v128.const f64x2 0.5 0.5))
          (v128.const f64x2 0x1p-23 0x1p-23)))
      (v128.store offset=16400 (i32.shl (local.get $i) (i32.const 3))
        (f64x2.mul (f64x2.add
          (f64x2.convert_low_i32x4_s (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $h) (local.get $h)))
          (v128.const f64x2 0.5 0.5))
          (v128.const f64x2 0x1p-23 0x1p-23)))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br $next))))

  ;; Gumbel values -log(-log u) as f32 at $OUT for the first size uniforms at $U
  ;; (which it overwrites), two at a time (one more when size is odd). Returns
  ;; how many pairs it could not round for sure; their first indices are at $FIX.
  (func (export "gumbelFromUniforms") (param $size i32) (result i32)
    (local $i i32) (local $n i32) (local $g v128) (local $m v128) (local $lo v128)
    (local $relative v128) (local $absolute v128)
    (call $minusLog (local.get $size))
    (call $minusLog (local.get $size))
    (local.set $relative (v128.const f64x2 0x1p-36 0x1p-36))
    (local.set $absolute (v128.const f64x2 0x1p-39 0x1p-39))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $size)))
      (local.set $g (v128.load offset=16384 (i32.shl (local.get $i) (i32.const 3))))
      (local.set $m (f64x2.add (f64x2.mul (f64x2.abs (local.get $g)) (local.get $relative)) (local.get $absolute)))
      (local.set $lo (f32x4.demote_f64x2_zero (f64x2.sub (local.get $g) (local.get $m))))
      (v128.store64_lane offset=147456 0 (i32.shl (local.get $i) (i32.const 2)) (local.get $lo))
      (if (i64.ne (i64.const 0) (i64x2.extract_lane 0 (f32x4.ne (local.get $lo)
            (f32x4.demote_f64x2_zero (f64x2.add (local.get $g) (local.get $m))))))
        (then
          (i32.store offset=212992 (i32.shl (local.get $n) (i32.const 2)) (local.get $i))
          (local.set $n (i32.add (local.get $n) (i32.const 1)))))
      (local.set $i (i32.add (local.get $i) (i32.const 2)))
      (br $next)))
    (local.get $n))

  ;; Uniforms as f32 at $OUT for indices offset .. offset + size − 1, four at a
  ;; time: (k + 1/2) 2^-23 is exact in f32 (24 significant bits).
  (func (export "uniforms") (param $key i32) (param $offset i32) (param $size i32)
    (local $i i32) (local $k v128)
    (local.set $k (i32x4.splat (local.get $key)))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $size)))
      (v128.store offset=147456 (i32.shl (local.get $i) (i32.const 2))
        (f32x4.mul (f32x4.add
          (f32x4.convert_i32x4_s (call $topBits (local.get $k) (i32.add (local.get $offset) (local.get $i))))
          (v128.const f32x4 0.5 0.5 0.5 0.5))
          (v128.const f32x4 0x1p-23 0x1p-23 0x1p-23 0x1p-23)))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br $next))))
)
