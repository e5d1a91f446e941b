;; One Adam step over a run of float32 elements as a WebAssembly SIMD kernel
;; (issue 16: the Fashion race's Adam over 1.3 M elements as a dozen tfjs
;; kernels took about a third of its step on wasm). `npm run kernel`
;; assembles this file into adamKernelBinary.ts; a unit test checks that the
;; two agree. It imports the memory of tfjs-backend-wasm's module and works on
;; tensors in place, by their byte offsets there (fusedAdam.ts).
;;
;; Every lane performs the float32 operations of StackedAdam.apply's ops, in
;; their order (IEEE 754 +, ×, ÷, √, which WebAssembly defines exactly), so
;; the results are those of the op chain, bit for bit:
;;   m' = m·β1 + g·(1 − β1)
;;   v' = v·β2 + (g·g)·(1 − β2)
;;   w' = w − (m' / (√v' + ε))·step
;; It returns 1 if every g and every w' of the run is finite, else 0: it sums
;; g − g and w' − w', which is 0 for finite values and NaN for ±∞ and NaN.
(module
  (import "env" "memory" (memory 1))
  (func (export "adam")
    (param $g i32) (param $w i32) (param $m i32) (param $v i32)
    (param $mOut i32) (param $vOut i32) (param $wOut i32) (param $n i32)
    (param $beta1 f32) (param $keep1 f32) (param $beta2 f32) (param $keep2 f32)
    (param $epsilon f32) (param $step f32)
    (result i32)
    (local $i i32) (local $end4 i32) (local $end i32)
    (local $B1 v128) (local $K1 v128) (local $B2 v128) (local $K2 v128) (local $E v128) (local $S v128)
    (local $gv v128) (local $mv v128) (local $vv v128) (local $wv v128) (local $acc v128)
    (local $gs f32) (local $ms f32) (local $vs f32) (local $ws f32) (local $sacc f32)
    (local.set $B1 (f32x4.splat (local.get $beta1)))
    (local.set $K1 (f32x4.splat (local.get $keep1)))
    (local.set $B2 (f32x4.splat (local.get $beta2)))
    (local.set $K2 (f32x4.splat (local.get $keep2)))
    (local.set $E (f32x4.splat (local.get $epsilon)))
    (local.set $S (f32x4.splat (local.get $step)))
    ;; Byte offsets: four lanes at a time up to $end4, then one at a time up to $end.
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (local.set $end4 (i32.and (local.get $end) (i32.const -16)))
    (block $done4
      (loop $four
        (br_if $done4 (i32.ge_u (local.get $i) (local.get $end4)))
        (local.set $gv (v128.load (i32.add (local.get $g) (local.get $i))))
        (local.set $mv (f32x4.add
          (f32x4.mul (v128.load (i32.add (local.get $m) (local.get $i))) (local.get $B1))
          (f32x4.mul (local.get $gv) (local.get $K1))))
        (local.set $vv (f32x4.add
          (f32x4.mul (v128.load (i32.add (local.get $v) (local.get $i))) (local.get $B2))
          (f32x4.mul (f32x4.mul (local.get $gv) (local.get $gv)) (local.get $K2))))
        (v128.store (i32.add (local.get $mOut) (local.get $i)) (local.get $mv))
        (v128.store (i32.add (local.get $vOut) (local.get $i)) (local.get $vv))
        (local.set $wv (f32x4.sub
          (v128.load (i32.add (local.get $w) (local.get $i)))
          (f32x4.mul
            (f32x4.div (local.get $mv) (f32x4.add (f32x4.sqrt (local.get $vv)) (local.get $E)))
            (local.get $S))))
        (v128.store (i32.add (local.get $wOut) (local.get $i)) (local.get $wv))
        (local.set $acc (f32x4.add (local.get $acc)
          (f32x4.add (f32x4.sub (local.get $gv) (local.get $gv))
            (f32x4.sub (local.get $wv) (local.get $wv)))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $four)))
    (block $done
      (loop $one
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $gs (f32.load (i32.add (local.get $g) (local.get $i))))
        (local.set $ms (f32.add
          (f32.mul (f32.load (i32.add (local.get $m) (local.get $i))) (local.get $beta1))
          (f32.mul (local.get $gs) (local.get $keep1))))
        (local.set $vs (f32.add
          (f32.mul (f32.load (i32.add (local.get $v) (local.get $i))) (local.get $beta2))
          (f32.mul (f32.mul (local.get $gs) (local.get $gs)) (local.get $keep2))))
        (f32.store (i32.add (local.get $mOut) (local.get $i)) (local.get $ms))
        (f32.store (i32.add (local.get $vOut) (local.get $i)) (local.get $vs))
        (local.set $ws (f32.sub
          (f32.load (i32.add (local.get $w) (local.get $i)))
          (f32.mul
            (f32.div (local.get $ms) (f32.add (f32.sqrt (local.get $vs)) (local.get $epsilon)))
            (local.get $step))))
        (f32.store (i32.add (local.get $wOut) (local.get $i)) (local.get $ws))
        (local.set $sacc (f32.add (local.get $sacc)
          (f32.add (f32.sub (local.get $gs) (local.get $gs))
            (f32.sub (local.get $ws) (local.get $ws)))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $one)))
    (i32.and
      (i32x4.all_true (f32x4.eq (local.get $acc) (v128.const f32x4 0 0 0 0)))
      (f32.eq (local.get $sacc) (f32.const 0))))
)
