#pragma once

#include "envnames.h"
#include "sourceresult.h"

#include <QProcessEnvironment>

namespace dbs {

// ALIBABA_CLOUD_ACCESS_KEY_ID + ALIBABA_CLOUD_ACCESS_KEY_SECRET (+ optional
// ALIBABA_CLOUD_SECURITY_TOKEN). None set (or all empty): Absent. Some but not all: Failed,
// naming the missing variable. credential.source is "environment".
SourceResult fromEnvironment(const QProcessEnvironment &env);

} // namespace dbs
