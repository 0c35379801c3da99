// Just enough of the CUDA runtime and device language to compile sprint_model.cu with a host C++
// compiler and run every kernel on the CPU: a thread block is blockDim real threads sharing one
// std::barrier (__syncthreads) and function-static __shared__ arrays; blocks run one at a time.
// For checking kernel logic against the golden vectors where no GPU exists; not for speed.
#pragma once
#include <barrier>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <algorithm>
#include <functional>
#include <thread>
#include <vector>

using std::max;
using std::min;

#define __global__
#define __device__
#define __host__
#define __constant__
#define __shared__ static
#define __align__(n) __attribute__((aligned(n)))

struct dim3 {
  unsigned x, y, z;
  dim3(unsigned x_ = 1, unsigned y_ = 1, unsigned z_ = 1) : x(x_), y(y_), z(z_) {}
};

inline thread_local dim3 threadIdx, blockIdx;
inline dim3 blockDim, gridDim;
inline std::barrier<>* emu_barrier = nullptr;

inline void __syncthreads() { emu_barrier->arrive_and_wait(); }

inline int __dp4a(int a, int b, int c) {
  int s = c;
  for (int i = 0; i < 4; i++) {
    s += (int)(int8_t)(a >> (8 * i)) * (int)(int8_t)(b >> (8 * i));
  }
  return s;
}

inline void emu_launch(dim3 grid, dim3 block, const std::function<void()>& kernel) {
  gridDim = grid;
  blockDim = block;
  unsigned n = block.x * block.y * block.z;
  for (unsigned bz = 0; bz < grid.z; bz++)
    for (unsigned by = 0; by < grid.y; by++)
      for (unsigned bx = 0; bx < grid.x; bx++) {
        std::barrier<> bar(n);
        emu_barrier = &bar;
        std::vector<std::thread> threads;
        for (unsigned t = 0; t < n; t++) {
          threads.emplace_back([=, &kernel] {
            blockIdx = dim3(bx, by, bz);
            threadIdx = dim3(t % block.x, (t / block.x) % block.y, t / (block.x * block.y));
            kernel();
          });
        }
        for (auto& th : threads) th.join();
      }
}

#define EMU_LAUNCH(kernel, grid, block, ...) \
  emu_launch(dim3(grid), dim3(block), [&] { kernel(__VA_ARGS__); })

typedef int cudaError_t;
enum { cudaSuccess = 0 };
enum cudaMemcpyKind { cudaMemcpyHostToDevice, cudaMemcpyDeviceToHost };
inline cudaError_t cudaMalloc(void** p, size_t n) { *p = std::calloc(1, n ? n : 1); return *p ? 0 : 2; }
inline cudaError_t cudaFree(void* p) { std::free(p); return 0; }
inline cudaError_t cudaMemcpy(void* d, const void* s, size_t n, cudaMemcpyKind) { std::memcpy(d, s, n); return 0; }
inline cudaError_t cudaGetLastError() { return 0; }
inline cudaError_t cudaDeviceSynchronize() { return 0; }
inline cudaError_t cudaSetDevice(int) { return 0; }
inline cudaError_t cudaGetDeviceCount(int* n) { *n = 1; return 0; }
inline const char* cudaGetErrorString(cudaError_t) { return "emulated error"; }
