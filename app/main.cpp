#include "CommandLine.h"
#include "Commands.h"
#include "MailServices.h"
#include "MainWindow.h"
#include "Profile.h"
#include "Translator.h"
#include "Version.h"

#include <QApplication>
#include <QMessageBox>

#include <memory>

using namespace Poplar;

namespace {

void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Poplar"));
    QCoreApplication::setApplicationName(QStringLiteral("Poplar"));
    QCoreApplication::setApplicationVersion(version());
}

QStringList argumentsOf(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    return arguments;
}

int runWindow(int &argc, char **argv)
{
    QApplication app(argc, argv);
    app.setWindowIcon(QIcon(QStringLiteral(":/icons/poplar.svg")));
    App::installTranslations(App::CommandLine::languageIn(app.arguments()));
    App::CommandLine commandLine;
    commandLine.process(app);

    Profile profile(commandLine.profileDirectory());
    if (profile.open() != Profile::OpenResult::Ok) {
        QMessageBox::critical(nullptr, QObject::tr("Poplar"), profile.errorString());
        return 1;
    }
    App::MailServices services(profile);
    Ui::MainWindow window(Ui::MailContext{services.settingsPath(), services.writer(),
                                          services.databasePath(), services.sync()});
    services.setWindow(&window);
    QObject::connect(&window, &Ui::MainWindow::addAccountRequested, &services,
                     &App::MailServices::addAccount);
    QObject::connect(&window, &Ui::MainWindow::editAccountRequested, &services,
                     &App::MailServices::editAccount);
    QObject::connect(&window, &Ui::MainWindow::removeAccountRequested, &services,
                     &App::MailServices::removeAccount);
    window.show();
    services.start();
    return app.exec();
}

int runHeadless(int &argc, char **argv)
{
    QCoreApplication app(argc, argv);
    App::installTranslations(App::CommandLine::languageIn(app.arguments()));
    App::CommandLine commandLine;
    commandLine.process(app); // handles --help and --version, and exits
    return App::runCommand(commandLine.command(),
                           {commandLine.commandArguments(), commandLine.profileDirectory()});
}

} // namespace

int main(int argc, char **argv)
{
    describeApplication();
    if (App::CommandLine::startsGui(argumentsOf(argc, argv)))
        return runWindow(argc, argv);
    return runHeadless(argc, argv);
}
