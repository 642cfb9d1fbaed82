/*
 * check_main.h: the runner every unit-test program ends with.
 *
 * check_run() runs suite s (in one process when fork is CK_NOFORK, which
 * valgrind and the sanitizers want for suites that keep state between
 * tests) and returns the program's exit status.
 */
#ifndef SLUICE_CHECK_MAIN_H
#define SLUICE_CHECK_MAIN_H

#include <check.h>
#include <stdlib.h>

static inline int check_run(Suite *s, enum fork_status fork)
{
    SRunner *sr = srunner_create(s);
    if (fork == CK_NOFORK)
        srunner_set_fork_status(sr, CK_NOFORK);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

#endif
