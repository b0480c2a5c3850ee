// SPDX-License-Identifier: Apache-2.0
// doctest main only.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
