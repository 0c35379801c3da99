// The sprint model on CUDA. Every kernel mirrors one step of
// inference-runtime/reference/src/main/java/org/sprintchain/model/ModelForward.java; the comments
// name the Java method. Integer arithmetic only: no float anywhere, so no fast-math, FMA
// contraction or reduction-order question arises. Accumulation is plain int32 addition via
// __dp4a (wrapping, never saturating); the model's shape bounds keep it from wrapping at all.
//
// First step on the performance path: a shared-memory tiled __dp4a GEMM. The int8 tensor-core
// version (mma.sync m16n8k32 .s8.s8.s32 / wgmma on sm_90a) replaces k_gemm without touching
// anything else, since int32 sums are order-independent.

#include <cuda_runtime.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sprint_model.h"

static thread_local char g_error[512];

static void set_error(const char* what, cudaError_t e) {
  snprintf(g_error, sizeof g_error, "%s: %s", what, cudaGetErrorString(e));
}

#define CK(call)                         \
  do {                                   \
    cudaError_t e_ = (call);             \
    if (e_ != cudaSuccess) {             \
      set_error(#call, e_);              \
      return -1;                         \
    }                                    \
  } while (0)

#define CK_LAUNCH(what) CK(cudaGetLastError())

// ---- fixed point (FixedPoint.java) ---------------------------------------------------------

__host__ __device__ static inline int64_t round_shift(int64_t v, int shift) {
  return (v + ((int64_t)1 << (shift - 1))) >> shift;  // arithmetic shift: floor
}

__host__ __device__ static inline int clamp127(int64_t v) {
  return v < -127 ? -127 : (v > 127 ? 127 : (int)v);
}

__host__ __device__ static inline uint64_t isqrt_u64(uint64_t n) {
  uint64_t rem = n, root = 0, bit = (uint64_t)1 << 62;
  while (bit > rem) bit >>= 2;
  while (bit != 0) {
    if (rem >= root + bit) {
      rem -= root + bit;
      root = (root >> 1) + bit;
    } else {
      root >>= 1;
    }
    bit >>= 2;
  }
  return root;
}

// floor(2^30 * 2^(-f/16)), f = 0..15 (FixedPoint.exp2Table, FixedPointTest).
__constant__ int32_t EXP2_Q30[16] = {
    1073741824, 1028218693, 984625593, 942880699, 902905650, 864625413, 827968132, 792864999,
    759250124,  727060410,  696235434, 666717336, 638450708, 611382492, 585461880, 560640217};

__device__ static inline int64_t exp2_q15(int64_t u) {
  int64_t octave = u >> 4;
  if (octave >= 16) return 0;
  return EXP2_Q30[u & 15] >> (15 + octave);
}

static int64_t linear_multiplier(int k) {  // FixedPoint.linearMultiplier
  return ((int64_t)1 << 24) / (70 * (int64_t)isqrt_u64((uint64_t)k));
}

// ---- Philox4x32-10 (Philox4x32.java, WeightStream.java) ------------------------------------

__host__ __device__ static inline void philox4x32_10(uint32_t c[4], uint32_t k0, uint32_t k1) {
  for (int round = 0; round < 10; round++) {
    if (round > 0) {
      k0 += 0x9E3779B9u;
      k1 += 0xBB67AE85u;
    }
    uint64_t p0 = (uint64_t)0xD2511F53u * c[0];
    uint64_t p1 = (uint64_t)0xCD9E8D57u * c[2];
    uint32_t n0 = (uint32_t)(p1 >> 32) ^ c[1] ^ k0;
    uint32_t n2 = (uint32_t)(p0 >> 32) ^ c[3] ^ k1;
    c[1] = (uint32_t)p1;
    c[3] = (uint32_t)p0;
    c[0] = n0;
    c[2] = n2;
  }
}

// Elements [first, first + n) of one tensor; one thread per Philox block of four elements.
__global__ void k_gen_weights(int8_t* dst, uint64_t first, uint64_t n, uint32_t tensor,
                              uint32_t k0, uint32_t k1, uint32_t c3) {
  uint64_t blk0 = first >> 2;
  uint64_t nblk = ((first + n + 3) >> 2) - blk0;
  for (uint64_t j = blockIdx.x * (uint64_t)blockDim.x + threadIdx.x; j < nblk;
       j += (uint64_t)gridDim.x * blockDim.x) {
    uint64_t blk = blk0 + j;
    uint32_t c[4] = {(uint32_t)blk, (uint32_t)(blk >> 32), tensor, c3};
    philox4x32_10(c, k0, k1);
    for (int lane = 0; lane < 4; lane++) {
      uint64_t e = blk * 4 + lane;
      if (e >= first && e < first + n) dst[e - first] = (int8_t)((int)(c[lane] % 255u) - 127);
    }
  }
}

// ---- forward kernels (ModelForward.java) ---------------------------------------------------

// embed: x[r][c] = E[token_r][c] + P[r mod T][c], r over batch * T rows.
__global__ void k_embed(const int32_t* tokens, const int8_t* emb, const int8_t* pos, int32_t* x,
                        int T, int D, int64_t total) {
  int64_t i = blockIdx.x * (int64_t)blockDim.x + threadIdx.x;
  if (i >= total) return;
  int64_t r = i / D;
  int c = (int)(i % D);
  int t = (int)(r % T);
  x[i] = (int32_t)emb[(int64_t)tokens[r] * D + c] + (int32_t)pos[(int64_t)t * D + c];
}

#define NORM_THREADS 256

// rmsNorm: one block per row.
__global__ void k_rmsnorm(const int32_t* x, int8_t* y, int D) {
  const int32_t* row = x + (int64_t)blockIdx.x * D;
  int8_t* out = y + (int64_t)blockIdx.x * D;
  __shared__ int64_t part[NORM_THREADS];
  __shared__ int64_t gain;
  int64_t s = 0;
  for (int c = (int)threadIdx.x; c < D; c += (int)blockDim.x) {
    int64_t v = row[c];
    s += v * v;
  }
  part[threadIdx.x] = s;
  __syncthreads();
  for (int stride = blockDim.x / 2; stride > 0; stride >>= 1) {
    if ((int)threadIdx.x < stride) part[threadIdx.x] += part[threadIdx.x + stride];
    __syncthreads();
  }
  if (threadIdx.x == 0) {
    uint64_t root = isqrt_u64((uint64_t)(part[0] / D));
    if (root < 1) root = 1;
    gain = ((int64_t)32 << 24) / (int64_t)root;
  }
  __syncthreads();
  for (int c = (int)threadIdx.x; c < D; c += (int)blockDim.x) {
    out[c] = (int8_t)clamp127(round_shift((int64_t)row[c] * gain, 24));
  }
}

#define TILE 16
#define TILE_K 32

struct GemmArgs {
  const int8_t* a;  // A row r of problem z: a + b*a_b + h*a_h + r*lda
  int lda;
  int64_t a_b, a_h;
  const int8_t* b;  // B row c (the "transposed" operand, Int8Gemm): b + b*b_b + h*b_h + c*ldb
  int ldb;
  int64_t b_b, b_h;
  void* c;  // C[r][c]: c + b*c_b + h*c_h + r*ldc + c
  int ldc;
  int64_t c_b, c_h;
  int heads, rows, n, k;
  int requant;  // 0: int32 output; 1: int8 clamp(round_shift(acc * mult, shift))
  int64_t mult;
  int shift;
};

// Int8Gemm.multiply, tiled: a 16x16 thread block computes a 16x16 tile of C; k advances 32
// bytes at a time through shared memory, zero-padded past k (zeros add nothing).
__global__ void k_gemm(GemmArgs g) {
  int z = blockIdx.z;
  int bi = z / g.heads;
  int hi = z % g.heads;
  const int8_t* a = g.a + bi * g.a_b + hi * g.a_h;
  const int8_t* b = g.b + bi * g.b_b + hi * g.b_h;
  __shared__ __align__(16) int8_t as[TILE][TILE_K];
  __shared__ __align__(16) int8_t bs[TILE][TILE_K];
  int tid = threadIdx.y * TILE + threadIdx.x;
  int row0 = blockIdx.y * TILE;
  int col0 = blockIdx.x * TILE;
  int acc = 0;
  for (int k0 = 0; k0 < g.k; k0 += TILE_K) {
    for (int q = tid; q < TILE * TILE_K; q += TILE * TILE) {
      int rr = q / TILE_K;
      int kk = q % TILE_K;
      int gk = k0 + kk;
      int gr = row0 + rr;
      int gc = col0 + rr;
      as[rr][kk] = (gr < g.rows && gk < g.k) ? a[(int64_t)gr * g.lda + gk] : (int8_t)0;
      bs[rr][kk] = (gc < g.n && gk < g.k) ? b[(int64_t)gc * g.ldb + gk] : (int8_t)0;
    }
    __syncthreads();
    const int* a4 = reinterpret_cast<const int*>(as[threadIdx.y]);
    const int* b4 = reinterpret_cast<const int*>(bs[threadIdx.x]);
#pragma unroll
    for (int q = 0; q < TILE_K / 4; q++) acc = __dp4a(a4[q], b4[q], acc);
    __syncthreads();
  }
  int r = row0 + threadIdx.y;
  int c = col0 + threadIdx.x;
  if (r < g.rows && c < g.n) {
    int64_t off = bi * g.c_b + hi * g.c_h + (int64_t)r * g.ldc + c;
    if (g.requant) {
      ((int8_t*)g.c)[off] = (int8_t)clamp127(round_shift((int64_t)acc * g.mult, g.shift));
    } else {
      ((int32_t*)g.c)[off] = acc;
    }
  }
}

#define SOFTMAX_THREADS 256

// softmaxRow: one block per score row of length T.
__global__ void k_softmax(const int32_t* scores, int8_t* probs, int T, int64_t divisor) {
  const int32_t* s = scores + (int64_t)blockIdx.x * T;
  int8_t* p = probs + (int64_t)blockIdx.x * T;
  __shared__ int32_t smax[SOFTMAX_THREADS];
  __shared__ int64_t ssum[SOFTMAX_THREADS];
  int m = INT_MIN;
  for (int j = (int)threadIdx.x; j < T; j += (int)blockDim.x) m = max(m, s[j]);
  smax[threadIdx.x] = m;
  __syncthreads();
  for (int stride = blockDim.x / 2; stride > 0; stride >>= 1) {
    if ((int)threadIdx.x < stride) smax[threadIdx.x] = max(smax[threadIdx.x], smax[threadIdx.x + stride]);
    __syncthreads();
  }
  int64_t rowmax = smax[0];
  int64_t sum = 0;
  for (int j = (int)threadIdx.x; j < T; j += (int)blockDim.x) {
    int64_t u = (rowmax - s[j]) / divisor;
    sum += exp2_q15(u < 256 ? u : 256);
  }
  ssum[threadIdx.x] = sum;
  __syncthreads();
  for (int stride = blockDim.x / 2; stride > 0; stride >>= 1) {
    if ((int)threadIdx.x < stride) ssum[threadIdx.x] += ssum[threadIdx.x + stride];
    __syncthreads();
  }
  int64_t reciprocal = ((int64_t)1 << 31) / ssum[0];
  for (int j = (int)threadIdx.x; j < T; j += (int)blockDim.x) {
    int64_t u = (rowmax - s[j]) / divisor;
    int64_t e = exp2_q15(u < 256 ? u : 256);
    p[j] = (int8_t)((e * 127 * reciprocal + ((int64_t)1 << 30)) >> 31);
  }
}

// vt[b][h][c][t] = v[b][t][h*dh + c]
__global__ void k_transpose_v(const int8_t* v, int8_t* vt, int T, int D, int H, int64_t total) {
  int64_t i = blockIdx.x * (int64_t)blockDim.x + threadIdx.x;
  if (i >= total) return;
  int dh = D / H;
  int t = (int)(i % T);
  int64_t rest = i / T;
  int c = (int)(rest % dh);
  rest /= dh;
  int h = (int)(rest % H);
  int64_t b = rest / H;
  vt[i] = v[(b * T + t) * D + (int64_t)h * dh + c];
}

// reluSquared: (max(h, 0)^2 + 64) >> 7
__global__ void k_relu2(int8_t* h, int64_t total) {
  int64_t i = blockIdx.x * (int64_t)blockDim.x + threadIdx.x;
  if (i >= total) return;
  int r = max((int)h[i], 0);
  h[i] = (int8_t)((r * r + 64) >> 7);
}

// addResidual: x += delta (int8 into int32; |x| <= 254 * (layers + 1), never wraps).
__global__ void k_add(int32_t* x, const int8_t* delta, int64_t total) {
  int64_t i = blockIdx.x * (int64_t)blockDim.x + threadIdx.x;
  if (i < total) x[i] += delta[i];
}

// pooledDigest (before SHA-256, which the host computes): pooled[b][c] = sum_t y[b][t][c].
__global__ void k_pool(const int8_t* y, int32_t* pooled, int T, int D, int batch) {
  int64_t i = blockIdx.x * (int64_t)blockDim.x + threadIdx.x;
  if (i >= (int64_t)batch * D) return;
  int64_t b = i / D;
  int c = (int)(i % D);
  int32_t s = 0;
  for (int t = 0; t < T; t++) s += y[(b * T + t) * D + c];
  pooled[i] = s;
}

// ---- host side -----------------------------------------------------------------------------

enum { WQ, WK, WV, WO, W1, W2, PER_LAYER };

struct Model {
  int D, L, H, F, T, V, max_batch;
  int8_t* emb;
  int8_t* pos;
  int8_t** w;  // [L * PER_LAYER]
  int32_t* tokens;
  int32_t* x;
  int8_t *normed, *q, *k, *v, *vt, *attn, *out, *hidden, *probs;
  int32_t* scores;
  int32_t* pooled;
};

static unsigned blocks_for(int64_t n, int threads) { return (unsigned)((n + threads - 1) / threads); }

static int gen(int8_t* dst, uint64_t n, uint32_t tensor, uint32_t k0, uint32_t k1, uint32_t c3) {
  uint64_t nblk = (n + 3) / 4;
  unsigned grid = nblk / 256 + 1 > 65535 * 16 ? 65535 * 16 : (unsigned)(nblk / 256 + 1);
  k_gen_weights<<<grid, 256>>>(dst, 0, n, tensor, k0, k1, c3);
  CK_LAUNCH("k_gen_weights");
  return 0;
}

static void release(Model* m) {
  if (m == NULL) return;
  cudaFree(m->emb);
  cudaFree(m->pos);
  if (m->w != NULL) {
    for (int i = 0; i < m->L * PER_LAYER; i++) cudaFree(m->w[i]);
    free(m->w);
  }
  void* bufs[] = {m->tokens, m->x,      m->normed, m->q,     m->k,     m->v,
                  m->vt,     m->attn,   m->out,    m->hidden, m->probs, m->scores, m->pooled};
  for (size_t i = 0; i < sizeof bufs / sizeof bufs[0]; i++) cudaFree(bufs[i]);
  free(m);
}

extern "C" int sc_device_count(void) {
  int n = 0;
  if (cudaGetDeviceCount(&n) != cudaSuccess) return 0;
  return n;
}

extern "C" const char* sc_last_error(void) { return g_error; }

static int alloc(void** p, size_t bytes) {
  CK(cudaMalloc(p, bytes));
  return 0;
}

extern "C" void* sc_load(int D, int L, int H, int F, int T, int V, int32_t key0, int32_t key1,
                         int32_t counter3, int max_batch) {
  g_error[0] = 0;
  Model* m = (Model*)calloc(1, sizeof(Model));
  if (m == NULL) return NULL;
  m->D = D; m->L = L; m->H = H; m->F = F; m->T = T; m->V = V; m->max_batch = max_batch;
  m->w = (int8_t**)calloc((size_t)L * PER_LAYER, sizeof(int8_t*));
  uint32_t k0 = (uint32_t)key0, k1 = (uint32_t)key1, c3 = (uint32_t)counter3;
  size_t rows = (size_t)max_batch * T;
  int dh = D / H;
  int ok = m->w != NULL && cudaSetDevice(0) == cudaSuccess
      && alloc((void**)&m->emb, (size_t)V * D) == 0 && alloc((void**)&m->pos, (size_t)T * D) == 0
      && gen(m->emb, (uint64_t)V * D, 1, k0, k1, c3) == 0
      && gen(m->pos, (uint64_t)T * D, 2, k0, k1, c3) == 0;
  for (int l = 0; ok && l < L; l++) {
    for (int kind = 0; ok && kind < PER_LAYER; kind++) {
      size_t n = kind < W1 ? (size_t)D * D : (size_t)D * F;
      int8_t** slot = &m->w[l * PER_LAYER + kind];
      ok = alloc((void**)slot, n) == 0 && gen(*slot, n, (uint32_t)(256 * (l + 1) + kind), k0, k1, c3) == 0;
    }
  }
  ok = ok && alloc((void**)&m->tokens, rows * sizeof(int32_t)) == 0
      && alloc((void**)&m->x, rows * D * sizeof(int32_t)) == 0
      && alloc((void**)&m->normed, rows * D) == 0 && alloc((void**)&m->q, rows * D) == 0
      && alloc((void**)&m->k, rows * D) == 0 && alloc((void**)&m->v, rows * D) == 0
      && alloc((void**)&m->vt, rows * D) == 0 && alloc((void**)&m->attn, rows * D) == 0
      && alloc((void**)&m->out, rows * D) == 0 && alloc((void**)&m->hidden, rows * F) == 0
      && alloc((void**)&m->probs, (size_t)max_batch * H * T * T) == 0
      && alloc((void**)&m->scores, (size_t)max_batch * H * T * T * sizeof(int32_t)) == 0
      && alloc((void**)&m->pooled, (size_t)max_batch * D * sizeof(int32_t)) == 0;
  if (ok && cudaDeviceSynchronize() != cudaSuccess) {
    set_error("weight generation", cudaGetLastError());
    ok = 0;
  }
  (void)dh;
  if (!ok) {
    release(m);
    return NULL;
  }
  return m;
}

// Int8Gemm over z = batch * heads problems.
static int gemm(const GemmArgs& g, int problems) {
  dim3 grid(blocks_for(g.n, TILE), blocks_for(g.rows, TILE), problems);
  k_gemm<<<grid, dim3(TILE, TILE)>>>(g);
  CK_LAUNCH("k_gemm");
  return 0;
}

// ModelForward.linear: y[rows][n] = requantize(a[rows][k] . w[n][k]).
static int linear(const int8_t* a, int rows, const int8_t* w, int n, int k, int8_t* y) {
  GemmArgs g = {a, k, 0, 0, w, k, 0, 0, y, n, 0, 0, 1, rows, n, k, 1, linear_multiplier(k), 24};
  return gemm(g, 1);
}

static int block(Model* m, int l, int batch) {
  int D = m->D, T = m->T, H = m->H, F = m->F, dh = D / H;
  int rows = batch * T;
  int64_t rd = (int64_t)rows * D;
  int8_t* const* w = &m->w[l * PER_LAYER];
  k_rmsnorm<<<rows, NORM_THREADS>>>(m->x, m->normed, D);
  CK_LAUNCH("k_rmsnorm");
  if (linear(m->normed, rows, w[WQ], D, D, m->q) || linear(m->normed, rows, w[WK], D, D, m->k)
      || linear(m->normed, rows, w[WV], D, D, m->v)) return -1;
  // scores[b][h][i][j] = q_h[i] . k_h[j]
  GemmArgs s = {m->q, D, (int64_t)T * D, dh, m->k, D, (int64_t)T * D, dh,
                m->scores, T, (int64_t)H * T * T, (int64_t)T * T, H, T, T, dh, 0, 0, 0};
  if (gemm(s, batch * H)) return -1;
  int64_t nrows = (int64_t)batch * H * T;
  k_softmax<<<(unsigned)nrows, SOFTMAX_THREADS>>>(m->scores, m->probs, T,
                                                   44 * (int64_t)isqrt_u64((uint64_t)dh));
  CK_LAUNCH("k_softmax");
  k_transpose_v<<<blocks_for(rd, 256), 256>>>(m->v, m->vt, T, D, H, rd);
  CK_LAUNCH("k_transpose_v");
  // attn[b][i][h*dh + c] = requantize(probs_h[i] . vt_h[c], 516, 16)
  GemmArgs pv = {m->probs, T, (int64_t)H * T * T, (int64_t)T * T, m->vt, T, (int64_t)H * dh * T,
                 (int64_t)dh * T, m->attn, D, (int64_t)T * D, dh, H, T, dh, T, 1, 516, 16};
  if (gemm(pv, batch * H)) return -1;
  if (linear(m->attn, rows, w[WO], D, D, m->out)) return -1;
  k_add<<<blocks_for(rd, 256), 256>>>(m->x, m->out, rd);
  CK_LAUNCH("k_add");
  k_rmsnorm<<<rows, NORM_THREADS>>>(m->x, m->normed, D);
  CK_LAUNCH("k_rmsnorm");
  if (linear(m->normed, rows, w[W1], F, D, m->hidden)) return -1;
  int64_t rf = (int64_t)rows * F;
  k_relu2<<<blocks_for(rf, 256), 256>>>(m->hidden, rf);
  CK_LAUNCH("k_relu2");
  if (linear(m->hidden, rows, w[W2], D, F, m->out)) return -1;
  k_add<<<blocks_for(rd, 256), 256>>>(m->x, m->out, rd);
  CK_LAUNCH("k_add");
  return 0;
}

static int trace(Model* m, int32_t* residuals, int batch, int layer) {
  if (residuals == NULL) return 0;
  size_t td = (size_t)m->T * m->D;
  for (int b = 0; b < batch; b++) {
    CK(cudaMemcpy(residuals + ((size_t)b * (m->L + 1) + layer) * td, m->x + b * td,
                  td * sizeof(int32_t), cudaMemcpyDeviceToHost));
  }
  return 0;
}

extern "C" int sc_forward(void* handle, const int32_t* tokens, int batch, int32_t* pooled,
                          int32_t* residuals) {
  Model* m = (Model*)handle;
  g_error[0] = 0;
  if (batch < 1 || batch > m->max_batch) {
    snprintf(g_error, sizeof g_error, "batch %d outside [1, %d]", batch, m->max_batch);
    return -1;
  }
  int rows = batch * m->T;
  int64_t rd = (int64_t)rows * m->D;
  CK(cudaMemcpy(m->tokens, tokens, (size_t)rows * sizeof(int32_t), cudaMemcpyHostToDevice));
  k_embed<<<blocks_for(rd, 256), 256>>>(m->tokens, m->emb, m->pos, m->x, m->T, m->D, rd);
  CK_LAUNCH("k_embed");
  if (trace(m, residuals, batch, 0)) return -1;
  for (int l = 0; l < m->L; l++) {
    if (block(m, l, batch) || trace(m, residuals, batch, l + 1)) return -1;
  }
  k_rmsnorm<<<rows, NORM_THREADS>>>(m->x, m->normed, m->D);
  CK_LAUNCH("k_rmsnorm");
  k_pool<<<blocks_for((int64_t)batch * m->D, 256), 256>>>(m->normed, m->pooled, m->T, m->D, batch);
  CK_LAUNCH("k_pool");
  CK(cudaMemcpy(pooled, m->pooled, (size_t)batch * m->D * sizeof(int32_t),
                cudaMemcpyDeviceToHost));
  return 0;
}

extern "C" int sc_read_weights(void* handle, int32_t tensor, int64_t first, int32_t count,
                               int8_t* out) {
  Model* m = (Model*)handle;
  g_error[0] = 0;
  const int8_t* base = NULL;
  int64_t size = 0;
  if (tensor == 1) {
    base = m->emb;
    size = (int64_t)m->V * m->D;
  } else if (tensor == 2) {
    base = m->pos;
    size = (int64_t)m->T * m->D;
  } else if (tensor >= 256) {
    int layer = tensor / 256 - 1, kind = tensor % 256;
    if (layer < m->L && kind < PER_LAYER) {
      base = m->w[layer * PER_LAYER + kind];
      size = (int64_t)m->D * (kind < W1 ? m->D : m->F);
    }
  }
  if (base == NULL || first < 0 || count < 0 || first + count > size) {
    snprintf(g_error, sizeof g_error, "no elements [%lld, +%d) in tensor %d", (long long)first,
             count, tensor);
    return -1;
  }
  CK(cudaMemcpy(out, base + first, (size_t)count, cudaMemcpyDeviceToHost));
  return 0;
}

extern "C" void sc_free(void* handle) { release((Model*)handle); }
