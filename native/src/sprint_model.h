/* C ABI of libsprintmodel: the sprint model on a CUDA GPU, called from Java through JNA
 * (inference-runtime/cuda, SprintCudaLibrary). Bytes must equal the Java reference
 * (inference-runtime/reference, docs/sprint-model.md). All buffers are host pointers to native
 * (direct) memory; int32 arrays are row-major. Functions return 0 on success, -1 on error with
 * sc_last_error() set; sc_load returns NULL on error. */
#ifndef SPRINT_MODEL_H
#define SPRINT_MODEL_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

int sc_device_count(void);

/* Generates every weight on device 0 from the Philox key (WeightStream.philoxKey() in Java) and
 * keeps it resident; scratch for max_batch nonces. */
void* sc_load(int d_model, int layers, int heads, int d_ff, int seq_len, int vocab,
              int32_t key0, int32_t key1, int32_t counter3, int max_batch);

/* tokens: int32[batch][seq_len]; pooled: int32[batch][d_model];
 * residuals: NULL or int32[batch][layers + 1][seq_len][d_model]. */
int sc_forward(void* model, const int32_t* tokens, int batch, int32_t* pooled,
               int32_t* residuals);

/* int8 weights [first, first + count) of tensor id `tensor` (TensorId in Java). */
int sc_read_weights(void* model, int32_t tensor, int64_t first, int32_t count, int8_t* out);

void sc_free(void* model);

const char* sc_last_error(void);

#ifdef __cplusplus
}
#endif

#endif
