;; Float32 distance kernels with WebAssembly SIMD (128-bit), over vectors in the importing
;; index's memory. Assembled by scripts/gen-simd.mjs (npm `wabt`) into src/gen/kernels.ts.
;;
;; Each kernel takes two byte addresses `a`, `b` (any alignment) and `n`, the floats per vector,
;; and reads a[0..n), b[0..n): 8 floats per step in two f32x4 accumulators, one 4-float step when
;; n & 4, then a scalar tail for n & 3.
(module
  (import "env" "memory" (memory 0))

  ;; a0 + a1 + a2 + a3
  (func $hsum (param $v v128) (result f32)
    (f32.add
      (f32.add (f32x4.extract_lane 0 (local.get $v)) (f32x4.extract_lane 1 (local.get $v)))
      (f32.add (f32x4.extract_lane 2 (local.get $v)) (f32x4.extract_lane 3 (local.get $v)))))

  ;; Squared Euclidean distance.
  (func (export "l2sq") (param $a i32) (param $b i32) (param $n i32) (result f32)
    (local $end i32) (local $end8 i32) (local $s0 v128) (local $s1 v128) (local $d v128) (local $s f32) (local $t f32)
    (local.set $end (i32.add (local.get $a) (i32.shl (local.get $n) (i32.const 2))))
    (local.set $end8 (i32.add (local.get $a) (i32.shl (i32.and (local.get $n) (i32.const -8)) (i32.const 2))))
    (block $done8
      (loop $step8
        (br_if $done8 (i32.ge_u (local.get $a) (local.get $end8)))
        (local.set $d (f32x4.sub (v128.load align=4 (local.get $a)) (v128.load align=4 (local.get $b))))
        (local.set $s0 (f32x4.add (local.get $s0) (f32x4.mul (local.get $d) (local.get $d))))
        (local.set $d (f32x4.sub (v128.load offset=16 align=4 (local.get $a)) (v128.load offset=16 align=4 (local.get $b))))
        (local.set $s1 (f32x4.add (local.get $s1) (f32x4.mul (local.get $d) (local.get $d))))
        (local.set $a (i32.add (local.get $a) (i32.const 32)))
        (local.set $b (i32.add (local.get $b) (i32.const 32)))
        (br $step8)))
    (if (i32.and (local.get $n) (i32.const 4))
      (then
        (local.set $d (f32x4.sub (v128.load align=4 (local.get $a)) (v128.load align=4 (local.get $b))))
        (local.set $s0 (f32x4.add (local.get $s0) (f32x4.mul (local.get $d) (local.get $d))))
        (local.set $a (i32.add (local.get $a) (i32.const 16)))
        (local.set $b (i32.add (local.get $b) (i32.const 16)))))
    (local.set $s (call $hsum (f32x4.add (local.get $s0) (local.get $s1))))
    (block $done1
      (loop $step1
        (br_if $done1 (i32.ge_u (local.get $a) (local.get $end)))
        (local.set $t (f32.sub (f32.load (local.get $a)) (f32.load (local.get $b))))
        (local.set $s (f32.add (local.get $s) (f32.mul (local.get $t) (local.get $t))))
        (local.set $a (i32.add (local.get $a) (i32.const 4)))
        (local.set $b (i32.add (local.get $b) (i32.const 4)))
        (br $step1)))
    (local.get $s))

  ;; Negated inner product (a distance: smaller is better). On normalised vectors: −cosine.
  (func (export "negDot") (param $a i32) (param $b i32) (param $n i32) (result f32)
    (local $end i32) (local $end8 i32) (local $s0 v128) (local $s1 v128) (local $s f32)
    (local.set $end (i32.add (local.get $a) (i32.shl (local.get $n) (i32.const 2))))
    (local.set $end8 (i32.add (local.get $a) (i32.shl (i32.and (local.get $n) (i32.const -8)) (i32.const 2))))
    (block $done8
      (loop $step8
        (br_if $done8 (i32.ge_u (local.get $a) (local.get $end8)))
        (local.set $s0 (f32x4.add (local.get $s0) (f32x4.mul (v128.load align=4 (local.get $a)) (v128.load align=4 (local.get $b)))))
        (local.set $s1 (f32x4.add (local.get $s1) (f32x4.mul (v128.load offset=16 align=4 (local.get $a)) (v128.load offset=16 align=4 (local.get $b)))))
        (local.set $a (i32.add (local.get $a) (i32.const 32)))
        (local.set $b (i32.add (local.get $b) (i32.const 32)))
        (br $step8)))
    (if (i32.and (local.get $n) (i32.const 4))
      (then
        (local.set $s0 (f32x4.add (local.get $s0) (f32x4.mul (v128.load align=4 (local.get $a)) (v128.load align=4 (local.get $b)))))
        (local.set $a (i32.add (local.get $a) (i32.const 16)))
        (local.set $b (i32.add (local.get $b) (i32.const 16)))))
    (local.set $s (call $hsum (f32x4.add (local.get $s0) (local.get $s1))))
    (block $done1
      (loop $step1
        (br_if $done1 (i32.ge_u (local.get $a) (local.get $end)))
        (local.set $s (f32.add (local.get $s) (f32.mul (f32.load (local.get $a)) (f32.load (local.get $b)))))
        (local.set $a (i32.add (local.get $a) (i32.const 4)))
        (local.set $b (i32.add (local.get $b) (i32.const 4)))
        (br $step1)))
    (f32.neg (local.get $s))))
