namespace LrNotebooks.Interactive; internal static class Placeholder {}
