#include "secretstore.h"

namespace dbs {

SecretStore::SecretStore(QObject *parent) : QObject(parent) {}

SecretStore::~SecretStore() = default;

} // namespace dbs
