# ctest translations_complete: runs lupdate over the current sources into a temporary copy of each
# committed .ts file and fails if a copy has a message that is unfinished (a new or changed string
# nobody translated), empty, or vanished/obsolete (the committed file still has a message the
# sources no longer do: it was not refreshed). The committed .ts files are only read.
#
#   cmake -DLUPDATE=<lupdate> -DWORK_DIR=<scratch dir>
#         -DCHECKS="<committed .ts>=<.lupdate/*_project.cmake>[=pluralonly]|..."
#         -P check_translations.cmake
# ("|" separates the files: a ";" would split the argument on ctest's command line.)

foreach(var LUPDATE WORK_DIR CHECKS)
    if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
        message(FATAL_ERROR "check_translations.cmake: ${var} is not set")
    endif()
endforeach()

function(check_ts TS_FILE PROJECT_IN PLURAL_ONLY)
    if(NOT EXISTS "${PROJECT_IN}")
        message(FATAL_ERROR "no lupdate project description at ${PROJECT_IN}: re-run CMake")
    endif()

    get_filename_component(ts_name "${TS_FILE}" NAME)
    get_filename_component(ts_stem "${TS_FILE}" NAME_WE)
    set(work "${WORK_DIR}/${ts_stem}")
    file(REMOVE_RECURSE "${work}")
    file(MAKE_DIRECTORY "${work}")
    set(copy "${work}/${ts_name}")
    file(COPY_FILE "${TS_FILE}" "${copy}")

    # The sources and include paths the real lupdate target uses, with the copy as the only output.
    include("${PROJECT_IN}")
    get_filename_component(project_root "${lupdate_project_file}" DIRECTORY)
    set(sources "")
    foreach(path IN LISTS lupdate_sources)
        if(NOT IS_ABSOLUTE "${path}")
            get_filename_component(path "${path}" ABSOLUTE BASE_DIR "${project_root}")
        endif()
        if(EXISTS "${path}")
            list(APPEND sources "\"${path}\"")
        endif()
    endforeach()
    set(includes "")
    foreach(path IN LISTS lupdate_include_paths)
        if(NOT IS_ABSOLUTE "${path}")
            get_filename_component(path "${path}" ABSOLUTE BASE_DIR "${project_root}")
        endif()
        list(APPEND includes "\"${path}\"")
    endforeach()
    list(JOIN sources ", " sources)
    list(JOIN includes ", " includes)
    set(project_json "${work}/${ts_stem}_project.json")
    file(WRITE "${project_json}" "{\n  \"projectFile\": \"${lupdate_project_file}\",\n"
        "  \"includePaths\": [ ${includes} ],\n  \"sources\": [ ${sources} ],\n"
        "  \"translations\": [ \"${copy}\" ]\n}\n")

    # Without -no-obsolete: a message the committed file has but the sources no longer do is kept
    # and marked vanished, which fails the check (the file was not refreshed).
    set(options -locations relative)
    if(PLURAL_ONLY)
        list(APPEND options -pluralonly -source-language en)
    endif()
    execute_process(
        COMMAND "${LUPDATE}" -project "${project_json}" ${options}
        RESULT_VARIABLE result
        OUTPUT_VARIABLE output
        ERROR_VARIABLE output)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "lupdate failed (${result}):\n${output}")
    endif()

    file(READ "${copy}" updated)
    string(REGEX MATCHALL "<message[ >]" updated_messages "${updated}")
    list(LENGTH updated_messages updated_count)

    # Name the messages that need work: the last <source> seen before each bad <translation>.
    # (";" would split CMake's lists, so the lines are read with it replaced.)
    string(REPLACE "&amp;" "&" text "${updated}")
    string(REPLACE "&lt;" "<" text "${text}")
    string(REPLACE "&gt;" ">" text "${text}")
    string(REPLACE ";" "," text "${text}")
    string(REPLACE "\n" ";" lines "${text}")
    set(problems "")
    set(context "")
    set(source "")
    set(reported OFF)
    foreach(line IN LISTS lines)
        if(line MATCHES "<name>(.*)</name>")
            set(context "${CMAKE_MATCH_1}")
        elseif(line MATCHES "<source>(.*)")
            string(REPLACE "</source>" "" source "${CMAKE_MATCH_1}")
            set(reported OFF)
        elseif(line MATCHES "<translation[^>]*type=\"(unfinished|vanished|obsolete)\"")
            list(APPEND problems "  ${CMAKE_MATCH_1}: ${context}: ${source}")
            set(reported ON)
        elseif(NOT reported AND line MATCHES
               "<translation></translation>|<translation/>|<numerusform></numerusform>")
            list(APPEND problems "  empty: ${context}: ${source}")
            set(reported ON)
        endif()
    endforeach()
    list(LENGTH problems problem_count)

    if(problem_count GREATER 0)
        list(JOIN problems "\n" problem_text)
        message(SEND_ERROR
            "${ts_name} does not match the current sources: ${problem_count} message(s) are "
            "unfinished (new or changed, not translated), empty, or vanished (gone from the "
            "sources).\n${problem_text}\n"
            "Refresh it (cmake --build <build> --target update_translations), translate every "
            "unfinished message, and commit it. The updated copy is ${copy}")
    else()
        message(STATUS "${ts_name}: ${updated_count} messages, all translated")
    endif()
endfunction()

string(REPLACE "|" ";" checks "${CHECKS}")
foreach(check IN LISTS checks)
    string(REPLACE "=" ";" parts "${check}")
    list(LENGTH parts count)
    if(count LESS 2)
        message(FATAL_ERROR "bad check '${check}': expected <ts>=<project>[=pluralonly]")
    endif()
    list(GET parts 0 ts)
    list(GET parts 1 project)
    set(plural OFF)
    if(count GREATER 2)
        list(GET parts 2 flag)
        if(flag STREQUAL "pluralonly")
            set(plural ON)
        endif()
    endif()
    check_ts("${ts}" "${project}" ${plural})
endforeach()
