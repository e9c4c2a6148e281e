#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

#include <optional>

namespace prego::sim {

enum class Role { Operator, Viewer, Agent };

struct TokenInfo
{
    QString name;
    Role role = Role::Viewer;
    QString boundNodeId; // agent tokens may be bound to one node
};

QString roleName(Role role);

// Tokens from the tokens file. Only SHA-256 digests of the values are kept in memory; the values
// themselves are never stored, logged or echoed.
class TokenStore
{
public:
    // Parses "name role [node_id] token" lines. Returns an error message, or empty on success.
    QString load(const QByteArray &fileContents);
    // Reads FILE (refusing one readable or writable by group or others) or stdin for "-".
    QString loadFile(const QString &path);

    std::optional<TokenInfo> lookup(const QByteArray &token) const;
    qsizetype size() const { return m_tokens.size(); }

private:
    QHash<QByteArray, TokenInfo> m_tokens; // sha256(token) -> info
};

} // namespace prego::sim
