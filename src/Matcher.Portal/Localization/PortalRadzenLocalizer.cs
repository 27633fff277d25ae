using System.Collections.Frozen;
using System.Globalization;
using Radzen;

namespace Matcher.Portal.Localization;

/// <summary>
/// Radzen's own component texts (pager, filters, dialogs, upload) in Peruvian Spanish; English falls back to Radzen's
/// built-in texts. Keys are Radzen's resource names (<c>RadzenStrings</c>).
/// </summary>
internal sealed class PortalRadzenLocalizer : ILocalizer
{
    private static readonly FrozenDictionary<string, string> Spanish = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["DataGrid_EmptyText"] = "No hay registros para mostrar.",
        ["DataGrid_FilterText"] = "Filtrar",
        ["DataGrid_ApplyFilterText"] = "Aplicar",
        ["DataGrid_ClearFilterText"] = "Limpiar",
        ["DataGrid_AndOperatorText"] = "Y",
        ["DataGrid_OrOperatorText"] = "O",
        ["DataGrid_EqualsText"] = "Igual a",
        ["DataGrid_NotEqualsText"] = "Distinto de",
        ["DataGrid_LessThanText"] = "Menor que",
        ["DataGrid_LessThanOrEqualsText"] = "Menor o igual que",
        ["DataGrid_GreaterThanText"] = "Mayor que",
        ["DataGrid_GreaterThanOrEqualsText"] = "Mayor o igual que",
        ["DataGrid_ContainsText"] = "Contiene",
        ["DataGrid_DoesNotContainText"] = "No contiene",
        ["DataGrid_StartsWithText"] = "Empieza con",
        ["DataGrid_EndsWithText"] = "Termina con",
        ["DataGrid_IsNullText"] = "Es nulo",
        ["DataGrid_IsNotNullText"] = "No es nulo",
        ["DataGrid_IsEmptyText"] = "Está vacío",
        ["DataGrid_IsNotEmptyText"] = "No está vacío",
        ["DataGrid_ColumnsText"] = "Columnas",
        ["DataGrid_AllColumnsText"] = "Todas",
        ["DataGrid_GroupPanelText"] = "Arrastre una columna aquí para agrupar",
        ["Pager_PageSizeText"] = "registros por página",
        ["Pager_PagingSummaryFormat"] = "Página {0} de {1} ({2} registros)",
        ["Pager_FirstPageTitle"] = "Primera página",
        ["Pager_PrevPageTitle"] = "Página anterior",
        ["Pager_NextPageTitle"] = "Página siguiente",
        ["Pager_LastPageTitle"] = "Última página",
        ["Pager_FirstPageAriaLabel"] = "Ir a la primera página",
        ["Pager_PrevPageAriaLabel"] = "Ir a la página anterior",
        ["Pager_NextPageAriaLabel"] = "Ir a la página siguiente",
        ["Pager_LastPageAriaLabel"] = "Ir a la última página",
        ["Dialog_OkText"] = "Aceptar",
        ["Dialog_CancelText"] = "Cancelar",
        ["Dialog_ConfirmTitle"] = "Confirmar",
        ["Dialog_ConfirmMessage"] = "¿Está seguro?",
        ["Dialog_AlertTitle"] = "Aviso",
        ["Dialog_CloseAriaLabel"] = "Cerrar",
        ["Upload_ChooseText"] = "Elegir archivo",
        ["DropDown_ClearAriaLabel"] = "Borrar la selección",
        ["DropDown_SelectedItemsText"] = "seleccionados",
        ["DropDown_SearchAriaLabel"] = "Buscar",
        ["SidebarToggle_ToggleAriaLabel"] = "Mostrar u ocultar el menú",
        ["Notification_CloseAriaLabel"] = "Cerrar aviso",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public string? Get(string key, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.TwoLetterISOLanguageName == "es" && Spanish.TryGetValue(key, out var text) ? text : null;
    }

    /// <summary>The keys translated here (for a test that each is a real Radzen key).</summary>
    internal static IEnumerable<string> Keys => Spanish.Keys;
}
