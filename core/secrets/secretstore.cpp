#include "secretstore.h"

namespace prego {

SecretStore::~SecretStore() = default;

} // namespace prego
