;; Every SIMD instruction once, v128 locals, globals, params, block results,
;; select, drop and branches with v128 values (fixture of model.fixtures).
(module
  (memory 1)
  (global $g (mut v128) (v128.const i32x4 1 2 3 4))
  (func $id (param v128) (result v128) local.get 0)
  (func $pair (param v128 i32) (result v128 i32) local.get 0 local.get 1)
  (func (export "all") (param $p v128) (param $i i32) (result v128)
    (local $v v128) (local $w v128) (local $x i32) (local $l i64) (local $f f32) (local $d f64)
    local.get $i v128.load offset=16 align=1 local.set $v
    local.get $i v128.load8x8_s offset=16 align=1 local.set $v
    local.get $i v128.load8x8_u offset=16 align=1 local.set $v
    local.get $i v128.load16x4_s offset=16 align=1 local.set $v
    local.get $i v128.load16x4_u offset=16 align=1 local.set $v
    local.get $i v128.load32x2_s offset=16 align=1 local.set $v
    local.get $i v128.load32x2_u offset=16 align=1 local.set $v
    local.get $i v128.load8_splat offset=16 align=1 local.set $v
    local.get $i v128.load16_splat offset=16 align=1 local.set $v
    local.get $i v128.load32_splat offset=16 align=1 local.set $v
    local.get $i v128.load64_splat offset=16 align=1 local.set $v
    local.get $i v128.load32_zero offset=16 align=1 local.set $v
    local.get $i v128.load64_zero offset=16 align=1 local.set $v
    local.get $i local.get $v v128.store offset=32
    v128.const i8x16 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 local.set $w
    local.get $v local.get $w i8x16.shuffle 0 17 2 19 4 21 6 23 8 25 10 27 12 29 14 31 local.set $v
    local.get $x i8x16.splat local.set $w
    local.get $x i16x8.splat local.set $w
    local.get $x i32x4.splat local.set $w
    local.get $l i64x2.splat local.set $w
    local.get $f f32x4.splat local.set $w
    local.get $d f64x2.splat local.set $w
    local.get $v i8x16.extract_lane_s 1 local.set $x
    local.get $v i8x16.extract_lane_u 1 local.set $x
    local.get $v i16x8.extract_lane_s 1 local.set $x
    local.get $v i16x8.extract_lane_u 1 local.set $x
    local.get $v i32x4.extract_lane 1 local.set $x
    local.get $v i64x2.extract_lane 1 local.set $l
    local.get $v f32x4.extract_lane 1 local.set $f
    local.get $v f64x2.extract_lane 1 local.set $d
    local.get $v local.get $x i8x16.replace_lane 1 local.set $v
    local.get $v local.get $x i16x8.replace_lane 1 local.set $v
    local.get $v local.get $x i32x4.replace_lane 1 local.set $v
    local.get $v local.get $l i64x2.replace_lane 1 local.set $v
    local.get $v local.get $f f32x4.replace_lane 1 local.set $v
    local.get $v local.get $d f64x2.replace_lane 1 local.set $v
    local.get $v v128.not local.set $v
    local.get $v f32x4.demote_f64x2_zero local.set $v
    local.get $v f64x2.promote_low_f32x4 local.set $v
    local.get $v i8x16.abs local.set $v
    local.get $v i8x16.neg local.set $v
    local.get $v i8x16.popcnt local.set $v
    local.get $v f32x4.ceil local.set $v
    local.get $v f32x4.floor local.set $v
    local.get $v f32x4.trunc local.set $v
    local.get $v f32x4.nearest local.set $v
    local.get $v f64x2.ceil local.set $v
    local.get $v f64x2.floor local.set $v
    local.get $v f64x2.trunc local.set $v
    local.get $v i16x8.extadd_pairwise_i8x16_s local.set $v
    local.get $v i16x8.extadd_pairwise_i8x16_u local.set $v
    local.get $v i32x4.extadd_pairwise_i16x8_s local.set $v
    local.get $v i32x4.extadd_pairwise_i16x8_u local.set $v
    local.get $v i16x8.abs local.set $v
    local.get $v i16x8.neg local.set $v
    local.get $v i16x8.extend_low_i8x16_s local.set $v
    local.get $v i16x8.extend_high_i8x16_s local.set $v
    local.get $v i16x8.extend_low_i8x16_u local.set $v
    local.get $v i16x8.extend_high_i8x16_u local.set $v
    local.get $v f64x2.nearest local.set $v
    local.get $v i32x4.abs local.set $v
    local.get $v i32x4.neg local.set $v
    local.get $v i32x4.extend_low_i16x8_s local.set $v
    local.get $v i32x4.extend_high_i16x8_s local.set $v
    local.get $v i32x4.extend_low_i16x8_u local.set $v
    local.get $v i32x4.extend_high_i16x8_u local.set $v
    local.get $v i64x2.abs local.set $v
    local.get $v i64x2.neg local.set $v
    local.get $v i64x2.extend_low_i32x4_s local.set $v
    local.get $v i64x2.extend_high_i32x4_s local.set $v
    local.get $v i64x2.extend_low_i32x4_u local.set $v
    local.get $v i64x2.extend_high_i32x4_u local.set $v
    local.get $v f32x4.abs local.set $v
    local.get $v f32x4.neg local.set $v
    local.get $v f32x4.sqrt local.set $v
    local.get $v f64x2.abs local.set $v
    local.get $v f64x2.neg local.set $v
    local.get $v f64x2.sqrt local.set $v
    local.get $v i32x4.trunc_sat_f32x4_s local.set $v
    local.get $v i32x4.trunc_sat_f32x4_u local.set $v
    local.get $v f32x4.convert_i32x4_s local.set $v
    local.get $v f32x4.convert_i32x4_u local.set $v
    local.get $v i32x4.trunc_sat_f64x2_s_zero local.set $v
    local.get $v i32x4.trunc_sat_f64x2_u_zero local.set $v
    local.get $v f64x2.convert_low_i32x4_s local.set $v
    local.get $v f64x2.convert_low_i32x4_u local.set $v
    local.get $v local.get $w i8x16.swizzle local.set $w
    local.get $v local.get $w i8x16.eq local.set $w
    local.get $v local.get $w i8x16.ne local.set $w
    local.get $v local.get $w i8x16.lt_s local.set $w
    local.get $v local.get $w i8x16.lt_u local.set $w
    local.get $v local.get $w i8x16.gt_s local.set $w
    local.get $v local.get $w i8x16.gt_u local.set $w
    local.get $v local.get $w i8x16.le_s local.set $w
    local.get $v local.get $w i8x16.le_u local.set $w
    local.get $v local.get $w i8x16.ge_s local.set $w
    local.get $v local.get $w i8x16.ge_u local.set $w
    local.get $v local.get $w i16x8.eq local.set $w
    local.get $v local.get $w i16x8.ne local.set $w
    local.get $v local.get $w i16x8.lt_s local.set $w
    local.get $v local.get $w i16x8.lt_u local.set $w
    local.get $v local.get $w i16x8.gt_s local.set $w
    local.get $v local.get $w i16x8.gt_u local.set $w
    local.get $v local.get $w i16x8.le_s local.set $w
    local.get $v local.get $w i16x8.le_u local.set $w
    local.get $v local.get $w i16x8.ge_s local.set $w
    local.get $v local.get $w i16x8.ge_u local.set $w
    local.get $v local.get $w i32x4.eq local.set $w
    local.get $v local.get $w i32x4.ne local.set $w
    local.get $v local.get $w i32x4.lt_s local.set $w
    local.get $v local.get $w i32x4.lt_u local.set $w
    local.get $v local.get $w i32x4.gt_s local.set $w
    local.get $v local.get $w i32x4.gt_u local.set $w
    local.get $v local.get $w i32x4.le_s local.set $w
    local.get $v local.get $w i32x4.le_u local.set $w
    local.get $v local.get $w i32x4.ge_s local.set $w
    local.get $v local.get $w i32x4.ge_u local.set $w
    local.get $v local.get $w f32x4.eq local.set $w
    local.get $v local.get $w f32x4.ne local.set $w
    local.get $v local.get $w f32x4.lt local.set $w
    local.get $v local.get $w f32x4.gt local.set $w
    local.get $v local.get $w f32x4.le local.set $w
    local.get $v local.get $w f32x4.ge local.set $w
    local.get $v local.get $w f64x2.eq local.set $w
    local.get $v local.get $w f64x2.ne local.set $w
    local.get $v local.get $w f64x2.lt local.set $w
    local.get $v local.get $w f64x2.gt local.set $w
    local.get $v local.get $w f64x2.le local.set $w
    local.get $v local.get $w f64x2.ge local.set $w
    local.get $v local.get $w v128.and local.set $w
    local.get $v local.get $w v128.andnot local.set $w
    local.get $v local.get $w v128.or local.set $w
    local.get $v local.get $w v128.xor local.set $w
    local.get $v local.get $w i8x16.narrow_i16x8_s local.set $w
    local.get $v local.get $w i8x16.narrow_i16x8_u local.set $w
    local.get $v local.get $w i8x16.add local.set $w
    local.get $v local.get $w i8x16.add_sat_s local.set $w
    local.get $v local.get $w i8x16.add_sat_u local.set $w
    local.get $v local.get $w i8x16.sub local.set $w
    local.get $v local.get $w i8x16.sub_sat_s local.set $w
    local.get $v local.get $w i8x16.sub_sat_u local.set $w
    local.get $v local.get $w i8x16.min_s local.set $w
    local.get $v local.get $w i8x16.min_u local.set $w
    local.get $v local.get $w i8x16.max_s local.set $w
    local.get $v local.get $w i8x16.max_u local.set $w
    local.get $v local.get $w i8x16.avgr_u local.set $w
    local.get $v local.get $w i16x8.q15mulr_sat_s local.set $w
    local.get $v local.get $w i16x8.narrow_i32x4_s local.set $w
    local.get $v local.get $w i16x8.narrow_i32x4_u local.set $w
    local.get $v local.get $w i16x8.add local.set $w
    local.get $v local.get $w i16x8.add_sat_s local.set $w
    local.get $v local.get $w i16x8.add_sat_u local.set $w
    local.get $v local.get $w i16x8.sub local.set $w
    local.get $v local.get $w i16x8.sub_sat_s local.set $w
    local.get $v local.get $w i16x8.sub_sat_u local.set $w
    local.get $v local.get $w i16x8.mul local.set $w
    local.get $v local.get $w i16x8.min_s local.set $w
    local.get $v local.get $w i16x8.min_u local.set $w
    local.get $v local.get $w i16x8.max_s local.set $w
    local.get $v local.get $w i16x8.max_u local.set $w
    local.get $v local.get $w i16x8.avgr_u local.set $w
    local.get $v local.get $w i16x8.extmul_low_i8x16_s local.set $w
    local.get $v local.get $w i16x8.extmul_high_i8x16_s local.set $w
    local.get $v local.get $w i16x8.extmul_low_i8x16_u local.set $w
    local.get $v local.get $w i16x8.extmul_high_i8x16_u local.set $w
    local.get $v local.get $w i32x4.add local.set $w
    local.get $v local.get $w i32x4.sub local.set $w
    local.get $v local.get $w i32x4.mul local.set $w
    local.get $v local.get $w i32x4.min_s local.set $w
    local.get $v local.get $w i32x4.min_u local.set $w
    local.get $v local.get $w i32x4.max_s local.set $w
    local.get $v local.get $w i32x4.max_u local.set $w
    local.get $v local.get $w i32x4.dot_i16x8_s local.set $w
    local.get $v local.get $w i32x4.extmul_low_i16x8_s local.set $w
    local.get $v local.get $w i32x4.extmul_high_i16x8_s local.set $w
    local.get $v local.get $w i32x4.extmul_low_i16x8_u local.set $w
    local.get $v local.get $w i32x4.extmul_high_i16x8_u local.set $w
    local.get $v local.get $w i64x2.add local.set $w
    local.get $v local.get $w i64x2.sub local.set $w
    local.get $v local.get $w i64x2.mul local.set $w
    local.get $v local.get $w i64x2.eq local.set $w
    local.get $v local.get $w i64x2.ne local.set $w
    local.get $v local.get $w i64x2.lt_s local.set $w
    local.get $v local.get $w i64x2.gt_s local.set $w
    local.get $v local.get $w i64x2.le_s local.set $w
    local.get $v local.get $w i64x2.ge_s local.set $w
    local.get $v local.get $w i64x2.extmul_low_i32x4_s local.set $w
    local.get $v local.get $w i64x2.extmul_high_i32x4_s local.set $w
    local.get $v local.get $w i64x2.extmul_low_i32x4_u local.set $w
    local.get $v local.get $w i64x2.extmul_high_i32x4_u local.set $w
    local.get $v local.get $w f32x4.add local.set $w
    local.get $v local.get $w f32x4.sub local.set $w
    local.get $v local.get $w f32x4.mul local.set $w
    local.get $v local.get $w f32x4.div local.set $w
    local.get $v local.get $w f32x4.min local.set $w
    local.get $v local.get $w f32x4.max local.set $w
    local.get $v local.get $w f32x4.pmin local.set $w
    local.get $v local.get $w f32x4.pmax local.set $w
    local.get $v local.get $w f64x2.add local.set $w
    local.get $v local.get $w f64x2.sub local.set $w
    local.get $v local.get $w f64x2.mul local.set $w
    local.get $v local.get $w f64x2.div local.set $w
    local.get $v local.get $w f64x2.min local.set $w
    local.get $v local.get $w f64x2.max local.set $w
    local.get $v local.get $w f64x2.pmin local.set $w
    local.get $v local.get $w f64x2.pmax local.set $w
    local.get $v local.get $w local.get $p v128.bitselect local.set $v
    local.get $v v128.any_true local.set $x
    local.get $v i8x16.all_true local.set $x
    local.get $v i8x16.bitmask local.set $x
    local.get $v i16x8.all_true local.set $x
    local.get $v i16x8.bitmask local.set $x
    local.get $v i32x4.all_true local.set $x
    local.get $v i32x4.bitmask local.set $x
    local.get $v i64x2.all_true local.set $x
    local.get $v i64x2.bitmask local.set $x
    local.get $v local.get $x i8x16.shl local.set $v
    local.get $v local.get $x i8x16.shr_s local.set $v
    local.get $v local.get $x i8x16.shr_u local.set $v
    local.get $v local.get $x i16x8.shl local.set $v
    local.get $v local.get $x i16x8.shr_s local.set $v
    local.get $v local.get $x i16x8.shr_u local.set $v
    local.get $v local.get $x i32x4.shl local.set $v
    local.get $v local.get $x i32x4.shr_s local.set $v
    local.get $v local.get $x i32x4.shr_u local.set $v
    local.get $v local.get $x i64x2.shl local.set $v
    local.get $v local.get $x i64x2.shr_s local.set $v
    local.get $v local.get $x i64x2.shr_u local.set $v
    local.get $i local.get $v v128.load8_lane offset=8 1 local.set $v
    local.get $i local.get $v v128.load16_lane offset=8 1 local.set $v
    local.get $i local.get $v v128.load32_lane offset=8 1 local.set $v
    local.get $i local.get $v v128.load64_lane offset=8 1 local.set $v
    local.get $i local.get $v v128.store8_lane offset=8 1
    local.get $i local.get $v v128.store16_lane offset=8 1
    local.get $i local.get $v v128.store32_lane offset=8 1
    local.get $i local.get $v v128.store64_lane offset=8 1
    global.get $g local.get $v i32x4.add global.set $g
    local.get $v call $id local.tee $w drop
    local.get $w local.get $x call $pair local.set $x local.set $v
    block (result v128) local.get $v local.get $x br_if 0 drop local.get $w end local.set $v
    local.get $x if (result v128) local.get $v else local.get $w end local.set $w
    block (result v128 i32) local.get $v local.get $x end local.set $x local.set $v
    local.get $x if (result v128 i32) local.get $w local.get $x else local.get $v i32.const 7 end drop local.set $v
    local.get $v local.get $w local.get $x select local.set $v
    local.get $v local.get $w local.get $x select (result v128) local.set $w
    loop (result v128) local.get $v local.get $x i32.const 1 i32.sub local.tee $x br_if 0 end drop
    block (result v128) local.get $v local.get $w local.get $x br_table 0 0 end local.set $v
    local.get $v local.get $v local.set $w local.get $w v128.xor
  )
)
