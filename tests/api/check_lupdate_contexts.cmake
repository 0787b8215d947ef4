# Runs lupdate over the core (app/) into a scratch .ts file and fails on any "lacks Q_OBJECT"
# warning: lupdate then files the messages under a context that tr() never looks up, so they
# could never be translated.
# cmake -DLUPDATE=... -DSOURCES=<dir> -DTS=<scratch.ts> -P check_lupdate_contexts.cmake
file(REMOVE "${TS}")
execute_process(
    COMMAND "${LUPDATE}" "${SOURCES}" -ts "${TS}"
    OUTPUT_VARIABLE out
    ERROR_VARIABLE err
    RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "lupdate failed (${rc}):\n${out}${err}")
endif()
string(REGEX MATCHALL "[^\n]*lacks Q_OBJECT[^\n]*" warnings "${out}${err}")
if(warnings)
    string(REPLACE ";" "\n" warnings "${warnings}")
    message(FATAL_ERROR "messages lupdate cannot file under their tr() context:\n${warnings}")
endif()
message(STATUS "lupdate: no context warnings in ${SOURCES}")
