#pragma once

#include <QLabel>

class QAbstractItemView;

namespace prego {

// The sentence an empty list shows in its middle ("No provisioning jobs yet…", "No node matches
// the filters"), so that an empty table reads as an answer, not as something still loading or
// broken. A label over the view's viewport, kept to its size, in the palette's placeholder colour;
// clicks go through to the view.
class EmptyState final : public QLabel
{
    Q_OBJECT
public:
    explicit EmptyState(QAbstractItemView *view);

    // Shows the sentence over the view; an empty one hides it.
    void setMessage(const QString &message);
    QString message() const { return isVisibleTo(parentWidget()) ? text() : QString(); }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fit();

    // The view's viewport when the label was made (the views here never replace theirs).
    QWidget *m_viewport;
};

} // namespace prego
