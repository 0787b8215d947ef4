#include "secretstore.h"

namespace dbs::keychain {

SecretStore::SecretStore(QObject *parent) : QObject(parent) {}

SecretStore::~SecretStore() = default;

} // namespace dbs::keychain
