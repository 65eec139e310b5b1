namespace Inworld.Scan.UnityShipping
{
    /// <summary>Whether a file of a Unity project ends up in the player build, and why (for the finding's message and SARIF).</summary>
    internal sealed class ShippingVerdict
    {
        public ShippingVerdict(bool shipsInPlayer, string reason)
        {
            ShipsInPlayer = shipsInPlayer;
            Reason = reason;
        }

        public bool ShipsInPlayer { get; }

        /// <summary>"under Resources/", "referenced from Assets/Scenes/Main.unity, an enabled scene in Build Settings", ...</summary>
        public string Reason { get; }

        public override string ToString() => (ShipsInPlayer ? "ships: " : "does not ship: ") + Reason;
    }
}
