/*
 * arena.h - the request arena: every jansson value a request builds is
 * allocated from one per-thread arena and released as a unit when the
 * request ends.
 *
 * jansson allocates each node, each object's hash table and each key
 * separately; a parse tree is thousands of small allocations, and
 * malloc and free were a fifth of a request's instructions.  jansson
 * lets a program replace its allocator (json_set_alloc_funcs), but only
 * process-wide, so the hooks installed here serve two kinds of callers:
 *   - inside sl_process (arena_request_begin .. arena_request_end on the
 *     calling thread) an allocation comes from the thread's arena and a
 *     free of arena memory does nothing;
 *   - anywhere else (engine construction, a host's own jansson use, other
 *     threads) they call the allocator that was installed before, so
 *     values made outside a request are malloc'd and freed as usual.
 * A free that is not of arena memory always goes to the previous free,
 * so values made before the hooks were installed are freed correctly.
 *
 * The rule that makes this safe: no jansson value (or json_dumps text)
 * made during a request outlives it.  sl_process copies everything it
 * returns into malloc'd memory (sl_result holds no jansson values).
 * After a request the arena keeps its newest chunk, emptied, when it is
 * at most ARENA_KEEP bytes, and frees the rest, so a thread's memory
 * stays flat.
 */
#ifndef SLUICE_ARENA_H
#define SLUICE_ARENA_H

#include <jansson.h>
#include <stddef.h>

/* The largest chunk a thread's arena keeps between requests. */
#define ARENA_KEEP (1u << 20)

/* Start and end a request on the calling thread.  Calls nest: only the
 * outermost end releases the arena. */
void arena_request_begin(void);
void arena_request_end(void);

/* A point in the calling thread's arena, to give back everything
 * allocated after it: the trees of one statement of a request, so a
 * request of many statements holds one statement's trees at a time.
 * Outside a request both calls do nothing. */
typedef struct arena_mark {
    void *chunk;            /* the chunk allocations came from, NULL if none */
    void *behind;           /* what followed it then */
    size_t used;            /* its bytes in use then */
} arena_mark;

arena_mark arena_mark_now(void);

/* Free everything allocated since m (marks are released newest first;
 * nothing allocated after m may be used again). */
void arena_release_to(arena_mark m);

/* Free text jansson allocated (json_dumps), inside or outside a request. */
void arena_json_free(void *p);

/* Drop a tree.  Inside a request its memory goes when the request ends
 * (a free of arena memory does nothing), so the walk json_decref() would
 * make over every node is skipped; elsewhere it is json_decref(). */
void arena_json_release(json_t *v);

/* n bytes of scratch memory (not zeroed, 8-byte aligned) that lasts until the current request
 * ends, from the calling thread's arena; NULL outside a request, where
 * the caller allocates (and frees) as usual.  Never freed on its own:
 * for a request's temporaries (the lexer's tokens, the bridge's plan),
 * which would otherwise be the large mallocs of a request. */
void *arena_scratch(size_t n);

/* Bytes the calling thread's arena holds now (chunks, used or not). */
size_t arena_thread_bytes(void);

#endif
