/*
 * arena.c - the request arena (see arena.h for the contract).
 *
 * A thread's arena is a list of chunks; allocation bumps a pointer in
 * the newest chunk and starts a bigger chunk when it is full (a request
 * larger than a chunk gets a chunk of its own).  Whether a pointer is
 * arena memory is a range check over the thread's chunks, of which there
 * are few: chunks double in size.  The arena is found through a
 * thread-local pointer and freed by a pthread key destructor when its
 * thread exits.
 */
#include "arena.h"

#include <jansson.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>

#include "sbuf.h"

/* Memory checkers see arena memory as freed between requests, so a
 * value that outlived its request is caught by ASan and valgrind as a
 * use after free would be. */
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION(p, n)
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION(p, n)
#elif defined(__has_include)
#if __has_include(<valgrind/memcheck.h>)
#include <valgrind/memcheck.h>
/* A client request costs a dozen instructions and a stack frame even
 * outside valgrind: whether valgrind is there is asked once, when the
 * hooks are installed (before any arena exists), and the requests are
 * made out of line. */
static int on_valgrind;
#define ASK_VALGRIND() (on_valgrind = RUNNING_ON_VALGRIND ? 1 : 0)
static __attribute__((noinline)) void valgrind_mark(void *p, size_t n, int usable)
{
    if (usable)
        VALGRIND_MAKE_MEM_UNDEFINED(p, n);
    else
        VALGRIND_MAKE_MEM_NOACCESS(p, n);
}
#define POISON(p, n) do { if (on_valgrind) valgrind_mark((p), (n), 0); } while (0)
#define UNPOISON(p, n) do { if (on_valgrind) valgrind_mark((p), (n), 1); } while (0)
#endif
#endif
#ifndef ASK_VALGRIND
#define ASK_VALGRIND() ((void)0)
#endif
#ifndef POISON
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

typedef struct chunk {
    struct chunk *next;     /* older chunk */
    size_t size, used;
    _Alignas(16) unsigned char data[];
} chunk;

typedef struct arena {
    chunk *head;            /* the chunk allocations come from */
    int depth;              /* nesting of arena_request_begin */
} arena;

enum { FIRST_CHUNK = 64 * 1024, MAX_CHUNK = 4 * 1024 * 1024 - 64 };
#define HUGE_PAGE ((size_t)2 << 20)

static _Thread_local arena *tls_arena;
static pthread_key_t arena_key;
static pthread_once_t hooks_once = PTHREAD_ONCE_INIT;
static json_malloc_t prev_malloc = malloc;
static json_free_t prev_free = free;

static void free_chunks(chunk *c)
{
    while (c) {
        chunk *next = c->next;
        UNPOISON(c->data, c->size);
        free(c);
        c = next;
    }
}

static void arena_destroy(void *p)
{
    arena *a = p;
    free_chunks(a->head);
    free(a);
}

static chunk *new_chunk(size_t need, chunk *next)
{
    size_t size = next ? next->size * 2 : FIRST_CHUNK;
    if (size > MAX_CHUNK)
        size = MAX_CHUNK;
    if (size < need)
        size = need;
    chunk *c;
    if (sizeof *c + size >= HUGE_PAGE) {
        /* A big chunk on huge pages, where the system gives them on
         * request: a large tree touches every page of its chunks once,
         * and the page faults were a third of its time. */
        size_t bytes = (sizeof *c + size + HUGE_PAGE - 1) & ~(size_t)(HUGE_PAGE - 1);
        void *p = NULL;
        if (posix_memalign(&p, HUGE_PAGE, bytes) != 0)
            p = xmalloc(bytes);
#ifdef MADV_HUGEPAGE
        madvise(p, bytes, MADV_HUGEPAGE);
#endif
        c = p;
        size = bytes - sizeof *c;
    } else {
        c = xmalloc(sizeof *c + size);
    }
    c->next = next;
    c->size = size;
    c->used = 0;
    POISON(c->data, size);
    return c;
}

/* An allocation that does not fit the current chunk. */
static __attribute__((noinline)) void *arena_alloc_slow(arena *a, size_t n)
{
    chunk *c = a->head;
    if (n > FIRST_CHUNK / 4 && c) {
        /* A big block gets a chunk of its own behind the current one,
         * which keeps taking small ones. */
        chunk *big = new_chunk(n, NULL);
        big->size = n;
        big->used = n;
        big->next = c->next;
        c->next = big;
        UNPOISON(big->data, n);
        return big->data;
    }
    c = a->head = new_chunk(n, c);
    void *p = c->data + c->used;
    c->used += n;
    UNPOISON(p, n);
    return p;
}

/* Blocks are 8-byte aligned: jansson's values and the scratch users'
 * arrays hold nothing wider than a pointer or a double, and a tree is
 * mostly blocks of 24, 40, 72 bytes, which 16-byte rounding made 5% larger. */
static inline void *arena_alloc(arena *a, size_t n)
{
    n = (n + 7) & ~(size_t)7;
    chunk *c = a->head;
    if (!c || c->size - c->used < n)
        return arena_alloc_slow(a, n);
    void *p = c->data + c->used;
    c->used += n;
    UNPOISON(p, n);
    return p;
}

void *arena_scratch(size_t n)
{
    arena *a = tls_arena;
    if (!a || a->depth <= 0)
        return NULL;
    return arena_alloc(a, n ? n : 1);
}

static int in_arena(const arena *a, const void *p)
{
    uintptr_t x = (uintptr_t)p;
    for (const chunk *c = a->head; c; c = c->next)
        if (x >= (uintptr_t)c->data && x < (uintptr_t)c->data + c->size)
            return 1;
    return 0;
}

static void *hook_malloc(size_t n)
{
    arena *a = tls_arena;
    if (a && a->depth > 0)
        return arena_alloc(a, n);
    return prev_malloc(n);
}

static void hook_free(void *p)
{
    arena *a = tls_arena;
    if (!p || (a && a->head && in_arena(a, p)))
        return;
    prev_free(p);
}

static void install_hooks(void)
{
    ASK_VALGRIND();
    json_get_alloc_funcs(&prev_malloc, &prev_free);
    if (!prev_malloc || !prev_free) {
        prev_malloc = malloc;
        prev_free = free;
    }
    pthread_key_create(&arena_key, arena_destroy);
    json_set_alloc_funcs(hook_malloc, hook_free);
}

void arena_request_begin(void)
{
    pthread_once(&hooks_once, install_hooks);
    arena *a = tls_arena;
    if (!a) {
        a = xcalloc(1, sizeof *a);
        tls_arena = a;
        pthread_setspecific(arena_key, a);
    }
    a->depth++;
}

void arena_request_end(void)
{
    arena *a = tls_arena;
    if (!a || --a->depth > 0)
        return;
    /* Keep the newest chunk (the largest: chunks double) if it is not
     * too big, emptied, for the next request; free the rest. */
    chunk *keep = a->head;
    if (keep && keep->size <= ARENA_KEEP) {
        free_chunks(keep->next);
        keep->next = NULL;
        keep->used = 0;
        POISON(keep->data, keep->size);
    } else {
        free_chunks(keep);
        a->head = NULL;
    }
}

arena_mark arena_mark_now(void)
{
    arena_mark m = {NULL, NULL, 0};
    arena *a = tls_arena;
    if (a && a->depth > 0 && a->head) {
        m.chunk = a->head;
        m.behind = a->head->next;
        m.used = a->head->used;
    }
    return m;
}

void arena_release_to(arena_mark m)
{
    arena *a = tls_arena;
    if (!a || a->depth <= 0)
        return;
    chunk *keep = m.chunk;
    /* Chunks started since: newer ones in front of the marked chunk,
     * and big blocks slipped in behind whichever chunk was the head. */
    while (a->head && a->head != keep) {
        chunk *c = a->head;
        a->head = c->next;
        c->next = NULL;
        free_chunks(c);
    }
    if (!keep)
        return;
    while (keep->next && keep->next != m.behind) {
        chunk *c = keep->next;
        keep->next = c->next;
        c->next = NULL;
        free_chunks(c);
    }
    POISON(keep->data + m.used, keep->used - m.used);
    keep->used = m.used;
}

void arena_json_free(void *p)
{
    hook_free(p);
}

void arena_json_release(json_t *v)
{
    arena *a = tls_arena;
    if (!(a && a->depth > 0))
        json_decref(v);
}

size_t arena_thread_bytes(void)
{
    size_t n = 0;
    for (const chunk *c = tls_arena ? tls_arena->head : NULL; c; c = c->next)
        n += c->size;
    return n;
}
