# reportfacts_add_gtests: the gtest binaries of one test folder, built and
# registered with ctest the same way everywhere.
#
#   reportfacts_add_gtests(
#     TESTS <name>...            one executable per name, built from <name>.cc
#     LIBS <lib>...              linked before GTest::gtest GTest::gtest_main
#     [DEFINITIONS <def>...]     private compile definitions, e.g. data paths
#     LABEL <label> TIMEOUT <s>  each gtest case is its own ctest test, so
#                                ctest -j spreads the cases over cores
#   | WHOLE_BINARY)              or each binary is one ctest test, named
#                                after it, with no label or timeout
include_guard(GLOBAL)
include(GoogleTest)

function(reportfacts_add_gtests)
  cmake_parse_arguments(PARSE_ARGV 0 arg "WHOLE_BINARY" "LABEL;TIMEOUT"
                        "TESTS;LIBS;DEFINITIONS")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR
            "reportfacts_add_gtests: unknown arguments ${arg_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT arg_TESTS)
    message(FATAL_ERROR "reportfacts_add_gtests: TESTS is empty")
  endif()
  if(NOT arg_WHOLE_BINARY AND (NOT arg_LABEL OR NOT arg_TIMEOUT))
    message(FATAL_ERROR
            "reportfacts_add_gtests: give LABEL and TIMEOUT, or WHOLE_BINARY")
  endif()

  foreach(name IN LISTS arg_TESTS)
    add_executable(${name} ${name}.cc)
    target_link_libraries(${name} PRIVATE ${arg_LIBS} GTest::gtest
                          GTest::gtest_main)
    if(arg_DEFINITIONS)
      target_compile_definitions(${name} PRIVATE ${arg_DEFINITIONS})
    endif()
    if(arg_WHOLE_BINARY)
      add_test(NAME ${name} COMMAND ${name})
    else()
      # Listing the cases runs the binary at build time: give a loaded
      # machine room.
      gtest_discover_tests(${name} DISCOVERY_TIMEOUT 30
                           PROPERTIES TIMEOUT ${arg_TIMEOUT}
                           LABELS ${arg_LABEL})
    endif()
  endforeach()
endfunction()
